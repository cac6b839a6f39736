package com.superkabe.console;

import com.superkabe.gate.GateApplication;
import com.superkabe.ingestion.IngestionApplication;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
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
 * The six services in-process on the real broker and PostgreSQL (as e2e-tests' platform), and the
 * console pointed at their ports, as the local stack wires them.
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_TOKEN = "console-admin";
    static final String PROSPECTS_DOMAIN = "prospects.superkabe.dev";

    private final TestDnsServer dns = new TestDnsServer().mx(PROSPECTS_DOMAIN, 10, "localhost");
    private final List<ConfigurableApplicationContext> all = new ArrayList<>();

    final ConfigurableApplicationContext ingestion;
    final ConfigurableApplicationContext gate;
    final ConfigurableApplicationContext sequencer;
    final ConfigurableApplicationContext sendAdapter;
    final ConfigurableApplicationContext replyPoller;
    final ConfigurableApplicationContext protection;
    final ConfigurableApplicationContext console;

    Platform() {
        TestInfra.kafka();
        TestInfra.postgres();
        ingestion = start(IngestionApplication.builder(), "--superkabe.admin-token=" + ADMIN_TOKEN,
                "--superkabe.ingestion.mx.dns-server=" + dns.address());
        gate = start(GateApplication.builder(), "--superkabe.gate.stale-after-ticks=40");
        sendAdapter = start(SendAdapterApplication.builder());
        replyPoller = start(ReplyPollerApplication.builder(), "--superkabe.poll.interval=500ms");
        protection = start(ProtectionApplication.builder());
        sequencer = start(SequencerApplication.builder(), "--superkabe.clock.interval=250ms");
        console = ConsoleApplication.builder().run("--server.port=0", CONSOLE_EXCLUDE,
                "--superkabe.console.ingestion=" + base(ingestion), "--superkabe.console.gate=" + base(gate),
                "--superkabe.console.sequencer=" + base(sequencer),
                "--superkabe.console.send-adapter=" + base(sendAdapter),
                "--superkabe.console.reply-poller=" + base(replyPoller),
                "--superkabe.console.protection=" + base(protection));
        all.add(console);
    }

    /**
     * One test classpath holds the console and the services, unlike their own jars: the services
     * leave the console's Spring Security alone, and the console the kit's database, broker and
     * API-key filter.
     */
    private static final String SERVICES_EXCLUDE = "--spring.autoconfigure.exclude="
            + "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration";
    private static final String CONSOLE_EXCLUDE = "--spring.autoconfigure.exclude="
            + "com.superkabe.kit.config.ServiceKitAutoConfiguration,"
            + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
            + "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration";

    private ConfigurableApplicationContext start(SpringApplicationBuilder builder, String... extra) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(TestInfra.args(extra)),
                java.util.stream.Stream.of(SERVICES_EXCLUDE)).toArray(String[]::new);
        ConfigurableApplicationContext context = builder.run(args);
        all.add(context);
        return context;
    }

    static String base(ConfigurableApplicationContext context) {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    /** The console's own address, with its context path. */
    String consoleUrl() {
        return base(console) + "/console";
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
