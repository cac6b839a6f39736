package com.superkabe.kit.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes this process's {@link Lease}s: one holder name per process ({@code instanceId/random}, so a
 * restarted pod with the same name is a new holder) and the configured timings.
 */
public final class Leases {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final String holder;
    private final Duration ttl;
    private final Duration renewEvery;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    public Leases(JdbcClient jdbc, TransactionTemplate tx, String instanceId, Duration ttl, Duration renewEvery) {
        this(jdbc, tx, instanceId, ttl, renewEvery, null);
    }

    /** With {@code meters}, each keeper publishes {@code superkabe_lease_held{lease}}: 1 while this replica holds it. */
    public Leases(JdbcClient jdbc, TransactionTemplate tx, String instanceId, Duration ttl, Duration renewEvery,
                  io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.tx = tx;
        this.holder = name(instanceId);
        this.ttl = ttl;
        this.renewEvery = renewEvery;
    }

    public String holder() {
        return holder;
    }

    public Duration ttl() {
        return ttl;
    }

    public Duration renewEvery() {
        return renewEvery;
    }

    public Lease lease(String name) {
        return new Lease(jdbc, tx, name, holder, ttl);
    }

    public LeaseKeeper keeper(String name, LeaseKeeper.Job job) {
        LeaseKeeper keeper = new LeaseKeeper(lease(name), renewEvery, job);
        if (meters != null) {
            held(meters, name, () -> keeper.holding());
        }
        return keeper;
    }

    /** The gauge every lease shows on /actuator/prometheus. */
    public static void held(io.micrometer.core.instrument.MeterRegistry meters, String name,
                            java.util.function.BooleanSupplier holding) {
        io.micrometer.core.instrument.Gauge.builder("superkabe_lease_held", () -> holding.getAsBoolean() ? 1 : 0)
                .description("1 while this replica holds the lease (ADR 0050)").tag("lease", name).register(meters);
    }

    static String name(String instanceId) {
        String base = instanceId;
        if (base == null || base.isBlank()) {
            base = System.getenv("HOSTNAME");
        }
        if (base == null || base.isBlank()) {
            try {
                base = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                base = "instance";
            }
        }
        byte[] suffix = new byte[4];
        new SecureRandom().nextBytes(suffix);
        return base.strip() + "/" + HexFormat.of().formatHex(suffix);
    }
}
