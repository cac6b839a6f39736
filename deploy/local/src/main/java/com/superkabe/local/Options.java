package com.superkabe.local;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Command-line options of the launcher. */
record Options(boolean demo, boolean exitAfterDemo, Set<String> skippedServices) {

    static final String USAGE = """
            usage: run.sh [--no-demo] [--exit-after-demo] [--skip=<service>[,<service>...]] [--rebuild]
              --no-demo          start the stack only, seed nothing
              --exit-after-demo  stop everything once the demo has finished; exit code 0 iff it passed
              --skip=...         do not start these services (e.g. you run one from your IDE on its port)
              --rebuild          (run.sh) rebuild all modules before starting""";

    Options {
        skippedServices = Set.copyOf(skippedServices);
        if (!demo && exitAfterDemo) {
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
        boolean demo = true;
        boolean exitAfterDemo = false;
        Set<String> skipped = new TreeSet<>();
        for (String arg : args) {
            if (arg.startsWith("--skip=")) {
                for (String s : arg.substring("--skip=".length()).split(",")) {
                    if (!s.isBlank()) {
                        skipped.add(s.strip());
                    }
                }
                continue;
            }
            switch (arg) {
                case "--no-demo" -> demo = false;
                case "--exit-after-demo" -> exitAfterDemo = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new Options(demo, exitAfterDemo, skipped);
    }

    /** The services this run starts, in the catalogue's order. */
    List<ServiceSpec> services() {
        return ServiceSpec.ALL.stream().filter(s -> !skippedServices.contains(s.name())).toList();
    }
}
