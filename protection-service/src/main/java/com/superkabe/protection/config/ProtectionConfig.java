package com.superkabe.protection.config;

import com.superkabe.kit.config.KitProperties;
import com.superkabe.kit.dns.DnsLookup;
import com.superkabe.kit.dns.JndiDnsLookup;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.protection.adapter.out.dns.DnsDomainAuthCheck;
import com.superkabe.protection.application.DomainAuthCheck;
import com.superkabe.protection.application.Emitter;
import com.superkabe.protection.application.OperatorService;
import com.superkabe.protection.application.Policies;
import com.superkabe.protection.application.ProtectionQueries;
import com.superkabe.protection.application.ProtectionService;
import com.superkabe.protection.application.ProtectionStore;
import com.superkabe.protection.application.StateApplier;
import com.superkabe.protection.domain.Mode;
import com.superkabe.protection.domain.ProtectionPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(ProtectionProperties.class)
class ProtectionConfig {

    @Bean
    Policies policies(ProtectionStore store, ProtectionProperties props) {
        Mode mode = Mode.parse(props.defaultMode()).orElseThrow(() -> new IllegalStateException(
                "superkabe.protection.default-mode must be OBSERVE, SUGGEST or ENFORCE, was " + props.defaultMode()));
        return new Policies(store, policy(props), mode);
    }

    static ProtectionPolicy policy(ProtectionProperties props) {
        long t = props.tickSeconds();
        ProtectionPolicy d = ProtectionPolicy.defaults(t);
        ProtectionPolicy base = new ProtectionPolicy(d.warningBounces(), d.warningWindow(), d.pauseBounces(),
                d.pauseWindow(), props.cooldowns().stream().map(c -> ticks(c, t)).toList(), false,
                ticks(props.relapseQuarantine(), t, d.relapseQuarantineTicks()),
                ticks(props.relapsePause(), t, d.relapsePauseTicks()),
                ticks(props.manualReview(), t, d.manualReviewTicks()),
                ticks(props.dnsCheckInterval(), t, d.dnsCheckIntervalTicks()), d.restrictedDailyLimit(),
                d.restrictedCleanSends(), d.repeatOffenderCleanSends(), d.warmStartLimit(), d.warmDailyStep(),
                d.warmCleanSends(), ticks(props.warmRecoveryMinimum(), t, d.warmMinTicks()),
                d.warmMaxBounceRatePermille(), d.ticksPerDay(), false, d.warmingCleanSends(), d.warmingMinTicks(),
                d.domain(), d.complaints());
        return base.withThresholds(or(props.warningBounces(), d.warningBounces()),
                or(props.warningWindow(), d.warningWindow()), or(props.pauseBounces(), d.pauseBounces()),
                or(props.pauseWindow(), d.pauseWindow()));
    }

    private static long ticks(Duration d, long tickSeconds) {
        return Math.max(1, d.toSeconds() / tickSeconds);
    }

    private static long ticks(Duration d, long tickSeconds, long fallback) {
        return d == null ? fallback : ticks(d, tickSeconds);
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    @Bean
    Emitter.Factory emitters(KitProperties kit, Clock clock, EventSink sink) {
        return new Emitter.Factory(kit.service(), clock, sink);
    }

    @Bean
    DnsLookup protectionDns(ProtectionProperties props, Clock clock) {
        return new JndiDnsLookup(props.dns().server(), props.dns().timeout(), props.dns().cacheTtl(), clock);
    }

    @Bean
    DomainAuthCheck domainAuthCheck(DnsLookup dns, ProtectionProperties props) {
        Map<String, java.util.List<String>> selectors = props.dns().selectors().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue));
        return new DnsDomainAuthCheck(dns, props.dns().defaultSelectors(), selectors, props.dns().dnsbls());
    }

    @Bean
    StateApplier stateApplier(ProtectionStore store, Policies policies, MeterRegistry meters) {
        return new StateApplier(store, policies, meters);
    }

    @Bean
    ProtectionService protectionService(ProtectionStore store, Policies policies, StateApplier applier,
                                        DomainAuthCheck auth, Emitter.Factory emitters, MeterRegistry meters) {
        return new ProtectionService(store, policies, applier, auth, emitters, meters);
    }

    @Bean
    OperatorService operatorService(ProtectionStore store, Policies policies, StateApplier applier,
                                    Emitter.Factory emitters, TransactionTemplate tx) {
        return new OperatorService(store, policies, applier, emitters, tx);
    }

    @Bean
    ProtectionQueries protectionQueries(ProtectionStore store, Policies policies) {
        return new ProtectionQueries(store, policies);
    }
}
