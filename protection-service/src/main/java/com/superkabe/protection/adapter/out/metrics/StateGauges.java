package com.superkabe.protection.adapter.out.metrics;

import com.superkabe.protection.domain.DomainStatus;
import com.superkabe.protection.domain.MailboxStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many registered mailboxes and domains are in each state right now, across organizations
 * (the organization is never a label): {@code superkabe_protection_mailboxes{status}} and
 * {@code superkabe_protection_domains{status}}, one series per state, zeros included, so a panel
 * shows a state emptying. Quarantine, restricted_send and warm_recovery are the healing phases.
 * The counts are read by this adapter's own thread every {@link #REFRESH}, so a scrape never waits
 * for the database; a failed read keeps the last counts.
 */
@Component
class StateGauges implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StateGauges.class);

    private final JdbcClient jdbc;
    static final Duration REFRESH = Duration.ofSeconds(5);

    private final Map<MailboxStatus, AtomicLong> mailboxes = new EnumMap<>(MailboxStatus.class);
    private final Map<DomainStatus, AtomicLong> domains = new EnumMap<>(DomainStatus.class);
    private ScheduledExecutorService timer;

    StateGauges(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        for (MailboxStatus s : MailboxStatus.values()) {
            AtomicLong n = new AtomicLong();
            mailboxes.put(s, n);
            Gauge.builder("superkabe_protection_mailboxes", n, AtomicLong::get).tag("status", s.wire())
                    .description("Registered mailboxes in this state").register(meters);
        }
        for (DomainStatus s : DomainStatus.values()) {
            AtomicLong n = new AtomicLong();
            domains.put(s, n);
            Gauge.builder("superkabe_protection_domains", n, AtomicLong::get).tag("status", s.wire())
                    .description("Sending domains in this state").register(meters);
        }
    }

    /** Reads the counts once; package-visible so a test can refresh without waiting. */
    void refresh() {
        Map<MailboxStatus, Long> m = new EnumMap<>(MailboxStatus.class);
        jdbc.sql("SELECT status, count(*) FROM mailbox_state WHERE registered GROUP BY status")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> MailboxStatus.parse(e.getKey()).ifPresent(s -> m.merge(s, e.getValue(), Long::sum)));
        Map<DomainStatus, Long> d = new EnumMap<>(DomainStatus.class);
        jdbc.sql("SELECT status, count(*) FROM domain_state GROUP BY status")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list()
                .forEach(e -> DomainStatus.parse(e.getKey()).ifPresent(s -> d.merge(s, e.getValue(), Long::sum)));
        mailboxes.forEach((s, n) -> n.set(m.getOrDefault(s, 0L)));
        domains.forEach((s, n) -> n.set(d.getOrDefault(s, 0L)));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.debug("state gauges not refreshed (keeping the last counts): {}", e.toString());
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("protection-gauges").daemon()
                .factory());
        timer.scheduleWithFixedDelay(this::refreshQuietly, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
