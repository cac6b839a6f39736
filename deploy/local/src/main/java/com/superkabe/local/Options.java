package com.superkabe.local;

import java.util.List;

/** Command-line options of the launcher. */
record Options(boolean demo, boolean exitAfterDemo) {

    static final String USAGE = """
            usage: run.sh [--no-demo] [--exit-after-demo] [--rebuild]
              --no-demo          start the stack only, seed nothing
              --exit-after-demo  stop everything once the demo has finished; exit code 0 iff it passed
              --rebuild          (run.sh) rebuild all modules before starting""";

    Options {
        if (!demo && exitAfterDemo) {
            throw new IllegalArgumentException("--exit-after-demo needs the demo; drop --no-demo\n" + USAGE);
        }
    }

    static Options parse(List<String> args) {
        boolean demo = true;
        boolean exitAfterDemo = false;
        for (String arg : args) {
            switch (arg) {
                case "--no-demo" -> demo = false;
                case "--exit-after-demo" -> exitAfterDemo = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new Options(demo, exitAfterDemo);
    }
}
