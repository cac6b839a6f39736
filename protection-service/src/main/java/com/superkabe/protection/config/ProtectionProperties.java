package com.superkabe.protection.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code superkabe.protection.*}: the defaults every organization starts from (thresholds from the
 * seed; durations converted to ticks with {@code tick-seconds}, the clock's period), the default
 * mode, and the DNS checks (resolver "host:port", timeout, cache, DKIM selectors, DNSBL zones).
 */
@ConfigurationProperties("superkabe.protection")
public record ProtectionProperties(Long tickSeconds, String defaultMode, Integer warningBounces,
                                   Integer warningWindow, Integer pauseBounces, Integer pauseWindow,
                                   List<Duration> cooldowns, Duration relapseQuarantine, Duration relapsePause,
                                   Duration manualReview, Duration dnsCheckInterval, Duration warmRecoveryMinimum,
                                   Dns dns) {

    public ProtectionProperties {
        tickSeconds = tickSeconds == null ? 60 : tickSeconds;
        defaultMode = defaultMode == null ? "ENFORCE" : defaultMode;
        cooldowns = cooldowns == null ? List.of(Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7))
                : cooldowns;
        dns = dns == null ? new Dns(null, null, null, null, null, null) : dns;
    }

    /** DNS checks: an empty server means the system resolvers. */
    public record Dns(String server, Duration timeout, Duration cacheTtl, List<String> defaultSelectors,
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
