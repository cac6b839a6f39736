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

    /** What one invocation runs: the scenarios in order, on this many instances of every service. */
    record Plan(List<FaultScenario> scenarios, int replicas) {
    }

    public static void main(String[] args) {
        Plan plan;
        try {
            plan = plan(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        StackLayout layout = StackLayout.fromSystemProperties();
        Resources resources = new Resources();
        resources.installShutdownHook();
        int exitCode;
        try {
            exitCode = run(plan, layout, resources);
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

    static final String USAGE = "usage: ./deploy/local/faults.sh [--quick] [--scenario=NAME,...] [--replicas 2]";

    static List<FaultScenario> scenarios(List<String> args) {
        return plan(args).scenarios();
    }

    /**
     * The scenarios: those named, else the quick or the full set. Failover needs two instances of every
     * service: it runs when named (the stack then starts two of each) or with {@code --replicas 2}, and always
     * last, since the instances it kills stay dead.
     */
    static Plan plan(List<String> args) {
        boolean quick = false;
        int replicas = 0;
        List<FaultScenario> chosen = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--quick")) {
                quick = true;
            } else if (a.equals("--replicas") || a.startsWith("--replicas=")) {
                replicas = Options.replicas(a.equals("--replicas") ? (i + 1 < args.size() ? args.get(++i) : "")
                        : a.substring("--replicas=".length()));
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
        int needed = chosen.stream().mapToInt(FaultScenario::replicas).max().orElse(1);
        if (replicas == 0) {
            replicas = needed;
        } else if (replicas < needed) {
            throw new IllegalArgumentException("--scenario=failover needs two instances of every service, not --replicas "
                    + replicas);
        }
        List<FaultScenario> scenarios;
        if (!chosen.isEmpty()) {
            scenarios = chosen;
        } else {
            boolean onlyQuick = quick;
            int instances = replicas;
            scenarios = java.util.Arrays.stream(FaultScenario.values())
                    .filter(s -> (!onlyQuick || s.quick()) && s.replicas() <= instances).toList();
        }
        List<FaultScenario> ordered = new ArrayList<>(scenarios.stream().filter(s -> s != FaultScenario.FAILOVER).toList());
        scenarios.stream().filter(s -> s == FaultScenario.FAILOVER).findFirst().ifPresent(ordered::add);
        return new Plan(List.copyOf(ordered), replicas);
    }

    /** The ports a fault run claims beyond the local stack's: the broker's and PostgreSQL's behind their proxies. */
    static List<Integer> portsToClaim(int replicas) {
        List<Integer> ports = new ArrayList<>(LocalStack.portsToClaim(ServiceSpec.replicated(ServiceSpec.ALL, replicas),
                true));
        ports.addAll(List.of(KafkaBroker.PROXIED_PORT, KafkaBroker.DIRECT_PORT, Database.PROXIED_PORT));
        return ports;
    }

    private static int run(Plan plan, StackLayout layout, Resources resources)
            throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<Result> results = runScenarios(plan, layout, resources);
        long failed = results.stream().filter(r -> !r.verdict().clean()).count();
        Console.info("fault runs: " + results.size() + " scenarios in "
                + Console.seconds(Duration.ofNanos(System.nanoTime() - t0)) + ", " + failed + " with findings; logs in "
                + layout.show(layout.logsDir()));
        return failed == 0 ? 0 : 1;
    }

    /** One scenario's verdict. */
    record Result(FaultScenario scenario, FaultChecker.Verdict verdict) {

        String line() {
            return verdict.line(scenario.label());
        }
    }

    /**
     * Starts the stack in {@code layout} (its processes registered with {@code resources}, which the caller
     * closes), runs the plan's scenarios in order, prints each one's CHECKER line and returns the verdicts.
     * The whole-stack failover test in the build calls this with a layout of its own under {@code target/}.
     */
    static List<Result> runScenarios(Plan plan, StackLayout layout, Resources resources)
            throws IOException, InterruptedException {
        List<FaultScenario> scenarios = plan.scenarios();
        Preflight.requireFreePorts(portsToClaim(plan.replicas()), layout);
        Files.createDirectories(layout.logsDir());
        Preflight.forgetPids(layout);
        resources.add("pid file", () -> Preflight.forgetPids(layout));
        String secretsKey = SecretsKey.loadOrCreate(layout.secretKeyFile());
        // the services reach the broker and PostgreSQL only through fault proxies on the usual ports
        KafkaBroker kafka = KafkaBroker.launchBehindProxy(layout, resources);
        FaultProxy kafkaProxy = FaultProxy.start("kafka", KafkaBroker.PORT, KafkaBroker.PROXIED_PORT);
        resources.add(kafkaProxy.toString(), kafkaProxy);
        Database db = Database.startEmbedded(layout, resources, Database.PROXIED_PORT, Database.EMBEDDED_PORT);
        FaultProxy postgresProxy = FaultProxy.start("postgres", Database.EMBEDDED_PORT, Database.PROXIED_PORT);
        resources.add(postgresProxy.toString(), postgresProxy);
        ForensicsVerify verify = ForensicsVerify.locate(layout, kafka.bootstrap());
        MailServer mail = MailServer.start();
        resources.add("GreenMail", mail);
        LocalDns dns = LocalDns.start();
        resources.add("DNS server", dns);
        kafka.awaitReady();
        List<ServiceSpec> all = ServiceSpec.replicated(ServiceSpec.ALL, plan.replicas());
        List<ServiceSpec> first = all.stream().filter(s -> s.instance() == 1).toList();
        long servicesAt = System.nanoTime();
        ServiceFleet fleet = ServiceFleet.start(first, layout, db, dns.address(), secretsKey, resources);
        Http http = new Http();
        fleet.awaitHealthy(http);
        if (plan.replicas() > 1) {
            fleet.startMore(all.stream().filter(s -> s.instance() > 1).toList());
            fleet.awaitHealthy(http);
        }
        Console.info("stack UP: " + fleet.instances().size() + " service instances healthy "
                + Console.seconds(Duration.ofNanos(System.nanoTime() - servicesAt)) + " after the first was started");
        Console.info("fault proxies: " + kafkaProxy + ", " + postgresProxy + "; per scenario one in front of its SMTP"
                + " peer and one in front of IMAP :" + MailServer.IMAP_PORT);
        FaultStack stack = new FaultStack(kafka, fleet, http, new PostgresCrash(layout), kafkaProxy, postgresProxy,
                null, null);

        List<Result> results = new ArrayList<>();
        for (FaultScenario scenario : scenarios) {
            Result result = new Result(scenario, runOne(scenario, stack, verify));
            System.out.println(result.line());
            result.verdict().findings().forEach(f -> Console.warn(scenario.label() + ": " + f));
            results.add(result);
        }
        return List.copyOf(results);
    }

    private static FaultChecker.Verdict runOne(FaultScenario scenario, FaultStack base, ForensicsVerify verify)
            throws IOException, InterruptedException {
        Console.info("--- fault run " + scenario.label() + ": " + scenario.what());
        long t0 = System.nanoTime();
        try (SmtpPeer peer = SmtpPeer.start();
             FaultProxy smtp = FaultProxy.start("smtp-" + scenario.label(), 0, peer.port());
             FaultProxy imap = FaultProxy.start("imap-" + scenario.label(), 0, MailServer.IMAP_PORT)) {
            FaultStack stack = base.withMail(smtp, imap);
            long fromTick = FaultScenario.newestTick();
            java.time.Instant from = java.time.Instant.now();
            FaultWorkload workload = new FaultWorkload(stack.http(), scenario.label(), peer, smtp.port(), imap.port(),
                    stack.fleet()::liveBaseUrls);
            scenario.prepare(peer, workload);
            workload.seed();
            FaultChecker.Verdict v;
            try (RunTopicsFollower follower = RunTopicsFollower.start(workload.orgId())) {
                List<DemoData.Lead> rest = workload.restLeads();
                workload.submitRest(rest.subList(0, rest.size() / 2));
                Thread fault = Thread.ofPlatform().name("fault-" + scenario.label()).start(() -> {
                    try {
                        scenario.inject(stack);
                        Thread.sleep(scenario.hold());
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
                v = FaultChecker.check(workload.observe(follower));
            }
            Console.info(scenario.label() + " checked after " + Console.seconds(Duration.ofNanos(System.nanoTime() - t0))
                    + "; forensics verify ...");
            List<ForensicsVerify.Result> results = verify.run(scenario.label(), fromTick, from);
            results.forEach(r -> Console.info(scenario.label() + ": verify " + r.service() + " " + r.outcome().field()
                    + ": " + r.summary()));
            List<String> divergences = results.stream().filter(r -> r.outcome() != ForensicsVerify.Outcome.CLEAN)
                    .map(r -> "verify " + r.service() + " " + r.outcome().field() + " (" + r.summary() + "; log "
                            + r.log().getFileName() + ")").toList();
            Console.info(scenario.label() + " took " + Console.seconds(Duration.ofNanos(System.nanoTime() - t0)));
            return v.withVerify(ForensicsVerify.overall(results), divergences);
        }
    }
}
