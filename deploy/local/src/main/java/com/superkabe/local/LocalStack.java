package com.superkabe.local;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The local stack: a Kafka broker process, PostgreSQL (embedded unless {@code SUPERKABE_DB_URL}),
 * GreenMail, the six services as processes, and a demo that seeds data through the public APIs and
 * shows leads flowing. Ctrl-C stops everything it started.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        StackLayout layout = StackLayout.fromSystemProperties();
        Resources resources = new Resources();
        resources.installShutdownHook();
        int exitCode;
        try {
            exitCode = run(options, layout, resources);
        } catch (StackException | IOException e) {
            exitCode = 1;
            // while Ctrl-C is stopping things under it, whatever the main thread was doing fails; that is expected
            if (!resources.closing()) {
                Console.error(e instanceof StackException ? e.getMessage() : "unexpected I/O failure: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 130;
        } catch (RuntimeException e) {
            // a bug, not a situation: show all of it, and still stop everything (GreenMail's threads would keep us alive)
            exitCode = 1;
            Console.error("unexpected failure: " + e);
            e.printStackTrace();
        }
        resources.closeAll();
        System.exit(exitCode);
    }

    private static int run(Options options, StackLayout layout, Resources resources)
            throws IOException, InterruptedException {
        Optional<Database> external = Database.fromEnvironment(System.getenv());
        List<Integer> ports = portsToClaim(ServiceSpec.withConsole(ServiceSpec.withGateway(options.services())), external.isEmpty());
        if (options.observability() && LocalPrometheus.locate(System.getenv()).isPresent()) {
            ports.add(LocalPrometheus.PORT);
        }
        Preflight.requireFreePorts(ports, layout);
        Files.createDirectories(layout.logsDir());
        Preflight.forgetPids(layout);
        resources.add("pid file", () -> Preflight.forgetPids(layout));
        String secretsKey = SecretsKey.loadOrCreate(layout.secretKeyFile());

        KafkaBroker kafka = KafkaBroker.launch(layout, resources);
        Database db = external.orElseGet(() -> Database.startEmbedded(layout, resources));
        external.ifPresent(d -> Console.info("using your PostgreSQL at " + d.url() + " as " + d.user()));
        MailServer mail = MailServer.start();
        resources.add("GreenMail", mail);
        LocalDns dns = LocalDns.start();
        resources.add("DNS server", dns);
        Duration kafkaTook = kafka.awaitReady();

        if (!options.skippedServices().isEmpty()) {
            Console.info("not starting " + options.skippedServices() + " (--skip): run them yourself against this stack");
        }
        long servicesAt = System.nanoTime();
        // with --replicas 2 the second instances start once the first are UP (two waves start faster on two cores)
        ServiceFleet fleet = ServiceFleet.start(ServiceSpec.withConsole(ServiceSpec.withGateway(
                options.services().stream().filter(s -> s.instance() == 1).toList())),
                layout, db, dns.address(), secretsKey, resources);
        Http http = new Http();
        fleet.awaitHealthy(http);
        List<ServiceSpec> seconds = options.services().stream().filter(s -> s.instance() > 1).toList();
        if (!seconds.isEmpty()) {
            fleet.startMore(seconds);
            fleet.awaitHealthy(http);
        }
        Duration total = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        Console.info("STACK UP in " + Console.seconds(total) + " from launch to all services healthy (Kafka "
                + Console.seconds(kafkaTook) + ", services " + Console.seconds(Duration.ofNanos(System.nanoTime() - servicesAt)) + ")");
        boolean prometheus = options.observability()
                && LocalPrometheus.start(options.services(), layout, resources).isPresent();

        if (!options.demo()) {
            Summary.print(layout, db, dns.address(), null, List.of(), skipped(options), prometheus, options.replicas());
            return waitForCtrlC(fleet, resources);
        }
        Demos.Result result = Demos.run(options.demos(), http, mail);
        Summary.print(layout, db, dns.address(), result.leads(), result.demoLines(), skipped(options), prometheus,
                options.replicas());
        if (options.exitAfterDemo()) {
            return result.passed() ? 0 : 1;
        }
        return waitForCtrlC(fleet, resources);
    }

    static List<Integer> portsToClaim(List<ServiceSpec> services, boolean embeddedDb) {
        List<Integer> ports = new ArrayList<>(List.of(KafkaBroker.PORT, KafkaBroker.CONTROLLER_PORT,
                MailServer.SMTP_PORT, MailServer.IMAP_PORT));
        if (embeddedDb) {
            ports.add(Database.EMBEDDED_PORT);
        }
        services.forEach(s -> ports.add(s.port()));
        return ports;
    }

    private static List<ServiceSpec> skipped(Options options) {
        return ServiceSpec.ALL.stream().filter(s -> options.skippedServices().contains(s.name())).toList();
    }

    /** Runs until Ctrl-C (the shutdown hook does the stopping), warning if a service dies meanwhile. */
    private static int waitForCtrlC(ServiceFleet fleet, Resources resources) throws InterruptedException {
        Console.info("Press Ctrl-C to stop");
        while (true) {
            Thread.sleep(2000);
            if (!resources.closing()) {
                fleet.reportDeaths();
            }
        }
    }
}
