package com.superkabe.ingestion.adapter.out.gate;

import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.MxResult;
import com.superkabe.kit.dns.DnsAnswer;
import com.superkabe.kit.dns.DnsLookup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The per-domain "DomainInsight" cache over the kit's DNS port: one MX question per domain per
 * {@code ttl} (50k leads across 500 domains ask DNS 500 times), bounded LRU, and an UNKNOWN answer
 * kept only 5 s so a DNS outage heals quickly. Expiry is measured by the shell's clock.
 */
final class DomainInsights implements MxCheck {

    private static final Duration UNKNOWN_TTL = Duration.ofSeconds(5);

    private record Insight(MxResult mx, Instant expires) {
    }

    private final DnsLookup dns;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Insight> cache;

    DomainInsights(DnsLookup dns, Duration ttl, int maxEntries, Clock clock) {
        this.dns = dns;
        this.ttl = ttl;
        this.clock = clock;
        this.cache = java.util.Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Insight> eldest) {
                return size() > maxEntries;
            }
        });
    }

    @Override
    public MxResult lookup(String asciiDomain) {
        Instant now = clock.instant();
        Insight hit = cache.get(asciiDomain);
        if (hit != null && hit.expires().isAfter(now)) {
            return hit.mx();
        }
        MxResult mx = ask(asciiDomain);
        cache.put(asciiDomain, new Insight(mx, now.plus(mx.status() == MxResult.Status.UNKNOWN ? UNKNOWN_TTL : ttl)));
        return mx;
    }

    /** Asks DNS for the domains not cached yet, concurrently (virtual threads), before a batch is judged. */
    void prefetch(Collection<String> domains) {
        Instant now = clock.instant();
        var missing = domains.stream().filter(d -> {
            Insight i = cache.get(d);
            return i == null || !i.expires().isAfter(now);
        }).toList();
        if (missing.size() < 2) {
            return;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String d : missing) {
                pool.submit(() -> lookup(d));
            }
        }
    }

    private MxResult ask(String domain) {
        DnsAnswer a = dns.mx(domain);
        return switch (a.status()) {
            case FOUND -> MxResult.found(domain, a.records());
            case NOT_FOUND -> new MxResult(MxResult.Status.NOT_FOUND, domain + " has no MX record (" + a.detail() + ")");
            case UNKNOWN -> new MxResult(MxResult.Status.UNKNOWN, a.detail());
        };
    }
}
