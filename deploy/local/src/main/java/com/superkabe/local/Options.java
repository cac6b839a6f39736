package com.superkabe.local;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options of the launcher. {@code demos} is empty with {@code --no-demo};
 * {@code observability} also starts Prometheus ({@code --observability}).
 */
record Options(List<Demo> demos, boolean exitAfterDemo, Set<String> skippedServices, boolean observability,
               int replicas) {

    Options(List<Demo> demos, boolean exitAfterDemo, Set<String> skippedServices, boolean observability) {
        this(demos, exitAfterDemo, skippedServices, observability, 1);
    }

    /** The demos, in the order {@code --demo=all} runs them. */
    enum Demo {
        /** Leads flowing through the gate, the sequencer, the mail server, and a reply stopping a run. */
        LEADS,
        /** A mailbox paused by bounces and healed back; a lead blocked meanwhile and allowed after release. */
        PROTECTION,
        /** A greylisted first attempt delivered on retry; a run moved off a mailbox that protection paused. */
        SENDING;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String USAGE = """
            usage: run.sh [--demo=leads|protection|sending|all] [--no-demo] [--exit-after-demo] [--skip=<service>[,<service>...]] [--observability] [--replicas 2] [--rebuild]
              --demo=...         which demo to run after start-up: leads (the default), protection, sending,
                                 or all (the three, in that order)
              --no-demo          start the stack only, seed nothing
              --exit-after-demo  stop everything once the demo has finished; exit code 0 iff it passed
              --skip=...         do not start these services (e.g. you run one from your IDE on its port)
              --observability    also start Prometheus (when installed) on localhost:9090, scraping the
                                 services with deploy/observability's alert rules loaded
              --replicas 2       two instances of each of the six services, the second on 8091-8096 (its port
                                 plus 10); the gateway, the console and the demos use the first
              --rebuild          (run.sh) rebuild all modules before starting""";

    Options {
        demos = List.copyOf(demos);
        skippedServices = Set.copyOf(skippedServices);
        if (demos.isEmpty() && exitAfterDemo) {
            throw new IllegalArgumentException("--exit-after-demo needs the demo; drop --no-demo\n" + USAGE);
        }
        for (String s : skippedServices) {
            if (ServiceSpec.ALL.stream().noneMatch(spec -> spec.name().equals(s))) {
                throw new IllegalArgumentException("--skip: no service " + s + "; services are "
                        + ServiceSpec.ALL.stream().map(ServiceSpec::name).toList());
            }
        }
    }

    static Options parse(List<String> args) {
        List<Demo> demos = null;
        boolean noDemo = false;
        boolean exitAfterDemo = false;
        boolean observability = false;
        Set<String> skipped = new TreeSet<>();
        int replicas = 1;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--replicas") || arg.startsWith("--replicas=")) {
                String n = arg.equals("--replicas") ? (i + 1 < args.size() ? args.get(++i) : "") : arg.substring(11);
                replicas = replicas(n);
                continue;
            }
            if (arg.startsWith("--skip=")) {
                for (String s : arg.substring("--skip=".length()).split(",")) {
                    if (!s.isBlank()) {
                        skipped.add(s.strip());
                    }
                }
                continue;
            }
            if (arg.startsWith("--demo=")) {
                demos = demos(arg.substring("--demo=".length()).strip());
                continue;
            }
            switch (arg) {
                case "--no-demo" -> noDemo = true;
                case "--exit-after-demo" -> exitAfterDemo = true;
                case "--observability" -> observability = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (noDemo && demos != null) {
            throw new IllegalArgumentException("--no-demo and --demo= contradict each other\n" + USAGE);
        }
        return new Options(noDemo ? List.of() : demos == null ? List.of(Demo.LEADS) : demos, exitAfterDemo, skipped,
                observability, replicas);
    }

    /** {@code --replicas N}: 1 or 2 (the second instance's ports are fixed, so no more fit beside the stack's). */
    static int replicas(String n) {
        try {
            int r = Integer.parseInt(n.strip());
            if (r >= 1 && r <= ServiceSpec.MAX_REPLICAS) {
                return r;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IllegalArgumentException("--replicas: 1 or " + ServiceSpec.MAX_REPLICAS + ", not '" + n + "'\n" + USAGE);
    }

    private static List<Demo> demos(String name) {
        if (name.equals("all")) {
            return List.of(Demo.values());
        }
        return Arrays.stream(Demo.values()).filter(d -> d.wire().equals(name)).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("--demo: no demo '" + name
                        + "'; one of leads, protection, sending, all\n" + USAGE));
    }

    boolean demo() {
        return !demos.isEmpty();
    }

    /** The services this run starts, in the catalogue's order, each {@link #replicas} times. */
    List<ServiceSpec> services() {
        return ServiceSpec.replicated(ServiceSpec.ALL.stream().filter(s -> !skippedServices.contains(s.name())).toList(),
                replicas);
    }
}
