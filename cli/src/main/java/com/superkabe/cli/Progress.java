package com.superkabe.cli;

import java.io.PrintStream;

/**
 * A progress line on stderr for long reads, so stdout stays clean for pipes. On a terminal it
 * redraws one line; otherwise it prints at every tenth, and never for reads under 10,000 records.
 */
public final class Progress {

    private final PrintStream err;
    private final boolean terminal;
    private final String what;
    private final long total;
    private long done;
    private int lastShown = -1;

    public Progress(PrintStream err, String what, long total) {
        this.err = err;
        this.terminal = System.console() != null;
        this.what = what;
        this.total = total;
    }

    public void advance(long n) {
        done += n;
        if (total < 10_000) {
            return;
        }
        int pct = (int) Math.min(100, done * 100 / Math.max(1, total));
        int step = terminal ? pct : pct / 10 * 10;
        if (step != lastShown) {
            lastShown = step;
            int bar = pct / 5;
            String line = what + " [" + "#".repeat(bar) + " ".repeat(20 - bar) + "] " + pct + "% " + done + "/" + total;
            err.print(terminal ? "\r" + line : line + System.lineSeparator());
        }
    }

    public void finish() {
        if (terminal && lastShown >= 0) {
            err.println();
        }
    }
}
