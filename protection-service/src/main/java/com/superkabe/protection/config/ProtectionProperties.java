package com.superkabe.protection.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * {@code superkabe.protection.*}: the defaults every organization starts from (thresholds from the
 * seed; durations converted to ticks with {@code tick-seconds}, the clock's period), the default
 * mode, and the DNS checks (resolver "host:port", timeout, cache, DKIM selectors, DNSBL zones).
 *
 * @param tickSeconds the clock's period in seconds, to convert durations to ticks (default 60)
 * @param defaultMode the mode for organizations that never chose one (default ENFORCE)
 * @param warningBounces the warning threshold's bounce count (default: the seed's)
 * @param warningWindow the warning threshold's window (default: the seed's)
 * @param pauseBounces the pause threshold's bounce count (default: the seed's)
 * @param pauseWindow the pause threshold's window (default: the seed's)
 * @param cooldowns the cooldowns of successive pauses (default 24h, 72h, 7d)
 * @param relapseQuarantine the relapse quarantine, converted to ticks (default: the seed's)
 * @param relapsePause the relapse pause, converted to ticks (default: the seed's)
 * @param manualReview the manual-review duration, converted to ticks (default: the seed's)
 * @param dnsCheckInterval how often domains' DNS is checked, converted to ticks (default: the seed's)
 * @param warmRecoveryMinimum the minimum of warm recovery, converted to ticks (default: the seed's)
 * @param dns the DNS checks
 */
@Validated
@ConfigurationProperties("superkabe.protection")
public record ProtectionProperties(@Positive Long tickSeconds, String defaultMode, @Positive Integer warningBounces,
                                   @Positive Integer warningWindow, @Positive Integer pauseBounces,
                                   @Positive Integer pauseWindow,
                                   List<Duration> cooldowns, Duration relapseQuarantine, Duration relapsePause,
                                   Duration manualReview, Duration dnsCheckInterval, Duration warmRecoveryMinimum,
                                   @Valid Dns dns) {

    public ProtectionProperties {
        tickSeconds = tickSeconds == null ? 60 : tickSeconds;
        defaultMode = defaultMode == null ? "ENFORCE" : defaultMode;
        cooldowns = cooldowns == null ? List.of(Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7))
                : cooldowns;
        dns = dns == null ? new Dns(null, null, null, null, null, null) : dns;
    }

    /**
     * DNS checks: an empty server means the system resolvers.
     *
     * @param server the resolver to ask, "host:port" (empty: the system resolvers)
     * @param timeout how long one DNS lookup may take (default 2s)
     * @param cacheTtl how long answers are cached (default 10m)
     * @param defaultSelectors the DKIM selectors tried for every domain (default default, google, selector1, selector2)
     * @param selectors extra DKIM selectors per domain
     * @param dnsbls the DNS block lists a domain is looked up in (default dbl.spamhaus.org, multi.uribl.com)
     */
    public record Dns(String server,
                      @DurationMin(millis = 1, message = "superkabe.protection.dns.timeout must be positive")
                      Duration timeout, Duration cacheTtl,
                      List<String> defaultSelectors,
                      Map<String, List<String>> selectors, List<String> dnsbls) {
        public Dns {
            server = server == null ? "" : server;
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            cacheTtl = cacheTtl == null ? Duration.ofMinutes(10) : cacheTtl;
            defaultSelectors = defaultSelectors == null ? List.of("default", "google", "selector1", "selector2")
                    : defaultSelectors;
            selectors = selectors == null ? Map.of() : selectors;
            dnsbls = dnsbls == null ? List.of("dbl.spamhaus.org", "multi.uribl.com") : dnsbls;
        }
    }
}
