package com.superkabe.e2e;

import com.superkabe.gate.GateApplication;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.dns.TestDnsServer;
import com.superkabe.protection.ProtectionApplication;
import com.superkabe.replypoller.ReplyPollerApplication;
import com.superkabe.sendadapter.SendAdapterApplication;
import com.superkabe.sequencer.SequencerApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * All six services, each its own Spring application with its own schema, on the shared real parts,
 * and a DNS server on loopback answering MX for the prospects' domain: ingestion checks MX by
 * default and refuses reserved names such as example.com (ADR 0023).
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_TOKEN = "e2e-admin";
    static final String PROSPECTS_DOMAIN = "prospects.superkabe.dev";

    private final TestDnsServer dns = new TestDnsServer().mx(PROSPECTS_DOMAIN, 10, "localhost");

    final ConfigurableApplicationContext ingestion;
    final ConfigurableApplicationContext gate;
    final ConfigurableApplicationContext sequencer;
    final ConfigurableApplicationContext sendAdapter;
    final ConfigurableApplicationContext replyPoller;
    final ConfigurableApplicationContext protection;
    private final List<ConfigurableApplicationContext> all = new ArrayList<>();

    Platform(String tickInterval, String pollInterval) {
        ingestion = start(IngestionApplication.builder(), "--superkabe.admin-token=" + ADMIN_TOKEN,
                "--superkabe.ingestion.mx.dns-server=" + dns.address());
        gate = start(GateApplication.builder(), "--superkabe.gate.stale-after-ticks=40");
        sendAdapter = start(SendAdapterApplication.builder());
        replyPoller = start(ReplyPollerApplication.builder(), "--superkabe.poll.interval=" + pollInterval);
        protection = start(ProtectionApplication.builder());
        // retries wait 1, 2, 4, 4 … ticks instead of 15 → 240 (ADR 0019), so a retried send lands within seconds
        sequencer = start(SequencerApplication.builder(), "--superkabe.clock.interval=" + tickInterval,
                "--superkabe.sequencer.sending.retry-base-ticks=1", "--superkabe.sequencer.sending.retry-max-ticks=4");
    }

    private ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... extra) {
        ConfigurableApplicationContext context = builder.initializers(new FastKafkaClientMetrics())
                .run(E2eBroker.args(extra));
        all.add(context);
        return context;
    }

    /** Every service, in start order. */
    List<ConfigurableApplicationContext> all() {
        return List.copyOf(all);
    }

    TestHttp http(ConfigurableApplicationContext service) {
        return TestHttp.of(service);
    }

    @Override
    public void close() {
        for (int i = all.size() - 1; i >= 0; i--) {
            all.get(i).close();
        }
        dns.close();
    }
}
