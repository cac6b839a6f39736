package com.superkabe.kit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What every benchmark prints beside its figures: percentiles of its latencies, the machine's load
 * (figures on a shared two-core machine mean little without it), and the instance counts of a scaling
 * run's phases.
 */
public final class BenchFigures {

    private BenchFigures() {
    }

    /** The p-th percentile (0..1) of sorted values, nearest rank below; -1 when there are none. */
    public static long percentile(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }

    /** The load averages over 1, 5 and 15 minutes, as /proc/loadavg gives them; "unknown" elsewhere. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The instance counts of a scaling run's phases, in order: {@code -Dbench.instances=2,1} runs the
     * two-instance phase first, in the colder JVM, to show how much the order alone moves the figures.
     */
    public static int[] instancePhases() {
        return Arrays.stream(System.getProperty("bench.instances", "1,2").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
    }
}
