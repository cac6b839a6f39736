package com.superkabe.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** Everything the user reads goes through here, so the stack's own lines stand out from library noise. */
final class Console {

    private static final String PREFIX = "[superkabe] ";
    private static final long LAUNCHED_AT = System.nanoTime();

    private Console() {
    }

    static void info(String message) {
        print(System.out, message);
    }

    static void warn(String message) {
        print(System.out, "WARNING: " + message);
    }

    static void error(String message) {
        print(System.err, "ERROR: " + message);
    }

    static Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - LAUNCHED_AT);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void print(PrintStream out, String message) {
        synchronized (Console.class) {
            for (String line : message.split("\n", -1)) {
                out.println(PREFIX + line);
            }
            out.flush();
        }
    }
}
