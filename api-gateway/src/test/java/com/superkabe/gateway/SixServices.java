package com.superkabe.gateway;

import com.superkabe.gate.GateApplication;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.kit.testing.dns.TestDnsServer;
import com.superkabe.protection.ProtectionApplication;
import com.superkabe.replypoller.ReplyPollerApplication;
import com.superkabe.sendadapter.SendAdapterApplication;
import com.superkabe.sequencer.SequencerApplication;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The six services on the real broker and database, started once per test JVM and shared by the
 * test classes that need all of them (FrontDoorIT, ApiFuzzIT): starting six Spring contexts is most
 * of those tests' run time.
 */
final class SixServices {

    static final String ADMIN_TOKEN = "front-door-admin";

    private static Map<String, ConfigurableApplicationContext> services;

    private SixServices() {
    }

    /** The running services by name, started on first use and closed when the JVM exits. */
    static synchronized Map<String, ConfigurableApplicationContext> get() {
        if (services == null) {
            TestDnsServer dns = new TestDnsServer();
            Map<String, ConfigurableApplicationContext> started = new TreeMap<>();
            started.put("ingestion-service", IngestionApplication.builder().run(TestInfra.args(
                    "--superkabe.admin-token=" + ADMIN_TOKEN, "--superkabe.ingestion.mx.dns-server=" + dns.address())));
            started.put("gate-service", GateApplication.builder().run(TestInfra.args()));
            // no clock: its ticks go through the sequencer's outbox every minute and start dispatches, writes no
            // request caused, which ApiFuzzIT's "nothing stored on a refusal" would take for the request's
            // (CI 2026-12-07: a tick landed inside a refused POST /runs/{id}/resume); no test here needs ticks
            started.put("sequencer-service", SequencerApplication.builder().run(TestInfra.args(
                    "--superkabe.clock.enabled=false")));
            started.put("send-adapter-service", SendAdapterApplication.builder().run(TestInfra.args()));
            started.put("reply-poller-service", ReplyPollerApplication.builder().run(TestInfra.args()));
            started.put("protection-service", ProtectionApplication.builder().run(TestInfra.args()));
            services = Collections.unmodifiableMap(started);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.values().forEach(ConfigurableApplicationContext::close);
                dns.close();
            }));
        }
        return services;
    }
}
