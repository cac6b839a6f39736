package com.superkabe.local;

import com.superkabe.testsmtp.SmtpPeer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./deploy/local/faults.sh [--quick] [--scenario=NAME,…]}: starts the local stack (loopback only),
 * then for each scenario runs a workload of its own while a fault is injected and healed, and judges
 * it with {@link FaultChecker} from what the client, the topics and the SMTP peer observed. Prints one
 * {@code CHECKER …} line per scenario; exits 1 if any scenario lost a lead, sent twice, exceeded a
 * cap or showed an illegal run transition, 2 on bad arguments.
 */
public final class FaultRuns {

    /** Time for the acknowledged leads to have runs and the campaign to send up to its cap. */
    private static final Duration QUIET = Duration.ofSeconds(120);

    private FaultRuns() {
    }

    public static void main(String[] args) {
        List<FaultScenario> scenarios;
        try {
            scenarios = scenarios(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ./deploy/local/faults.sh [--quick] [--scenario=NAME,...]");
            System.exit(2);
            return;
        }
        StackLayout layout = StackLayout.fromSystemProperties();
        Resources resources = new Resources();
        resources.installShutdownHook();
        int exitCode;
        try {
            exitCode = run(scenarios, layout, resources);
        } catch (StackException | IOException e) {
            exitCode = 1;
            if (!resources.closing()) {
                Console.error(e instanceof StackException ? e.getMessage() : "unexpected I/O failure: " + e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exitCode = 130;
        } catch (RuntimeException e) {
            exitCode = 1;
            Console.error("unexpected failure: " + e);
            e.printStackTrace();
        }
        resources.closeAll();
        System.exit(exitCode);
    }

    static List<FaultScenario> scenarios(List<String> args) {
        boolean quick = false;
        List<FaultScenario> chosen = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.startsWith("--scenario=")) {
                for (String name : a.substring("--scenario=".length()).split(",")) {
                    chosen.add(FaultScenario.byLabel(name.strip()));
                }
            } else if (a.equals("--help") || a.equals("-h")) {
                throw new IllegalArgumentException("fault runs: " + java.util.Arrays.stream(FaultScenario.values())
                        .map(s -> s.label() + (s.quick() ? " (quick)" : "") + ": " + s.what()).toList());
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (!chosen.isEmpty()) {
            return chosen;
        }
        boolean onlyQuick = quick;
        return java.util.Arrays.stream(FaultScenario.values()).filter(s -> !onlyQuick || s.quick()).toList();
    }

    private static int run(List<FaultScenario> scenarios, StackLayout layout, Resources resources)
            throws IOException, InterruptedException {
        Preflight.requireFreePorts(LocalStack.portsToClaim(ServiceSpec.ALL, true), layout);
        Files.createDirectories(layout.logsDir());
        Preflight.forgetPids(layout);
        resources.add("pid file", () -> Preflight.forgetPids(layout));
        String secretsKey = SecretsKey.loadOrCreate(layout.secretKeyFile());
        KafkaBroker kafka = KafkaBroker.launch(layout, resources);
        Database db = Database.startEmbedded(layout, resources);
        MailServer mail = MailServer.start();
        resources.add("GreenMail", mail);
        LocalDns dns = LocalDns.start();
        resources.add("DNS server", dns);
        kafka.awaitReady();
        ServiceFleet fleet = ServiceFleet.start(ServiceSpec.ALL, layout, db, dns.address(), secretsKey, resources);
        Http http = new Http();
        fleet.awaitHealthy(http);
        FaultStack stack = new FaultStack(kafka, fleet, http);

        int failed = 0;
        long t0 = System.nanoTime();
        for (FaultScenario scenario : scenarios) {
            FaultChecker.Verdict verdict = runOne(scenario, stack);
            System.out.println(verdict.line(scenario.label()));
            verdict.findings().forEach(f -> Console.warn(scenario.label() + ": " + f));
            if (!verdict.clean()) {
                failed++;
            }
        }
        Console.info("fault runs: " + scenarios.size() + " scenarios in "
                + Console.seconds(Duration.ofNanos(System.nanoTime() - t0)) + ", " + failed + " with findings; logs in "
                + layout.show(layout.logsDir()));
        return failed == 0 ? 0 : 1;
    }

    private static FaultChecker.Verdict runOne(FaultScenario scenario, FaultStack stack) throws IOException,
            InterruptedException {
        Console.info("--- fault run " + scenario.label() + ": " + scenario.what());
        long t0 = System.nanoTime();
        try (SmtpPeer peer = SmtpPeer.start()) {
            FaultWorkload workload = new FaultWorkload(stack.http(), scenario.label(), peer);
            scenario.prepare(peer, workload);
            workload.seed();
            try (RunTopicsFollower follower = RunTopicsFollower.start(workload.orgId())) {
                List<DemoData.Lead> rest = workload.restLeads();
                workload.submitRest(rest.subList(0, rest.size() / 2));
                Thread fault = Thread.ofPlatform().name("fault-" + scenario.label()).start(() -> {
                    try {
                        scenario.inject(stack);
                        Thread.sleep(2000);
                        scenario.heal(stack);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        Console.error(scenario.label() + ": the fault could not be injected or healed: " + e.getMessage());
                    }
                });
                workload.submitRest(rest.subList(rest.size() / 2, rest.size()));
                workload.submitTopic(workload.topicLeads());
                fault.join();
                workload.awaitQuiet(QUIET);
                FaultChecker.Verdict v = FaultChecker.check(workload.observe(follower));
                Console.info(scenario.label() + " took " + Console.seconds(Duration.ofNanos(System.nanoTime() - t0)));
                return v;
            }
        }
    }
}
