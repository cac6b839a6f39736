package com.superkabe.cli;

/** What {@code ./superkabe} exits with; documented in docs/operations.md so scripts can branch on it. */
public final class ExitCodes {
    /** Done; for verify: everything matched. */
    public static final int OK = 0;
    /** The command ran and found something: a divergence (verify), a RED lead (lead check), a file that is no bounce. */
    public static final int FINDINGS = 1;
    /** Bad command line (picocli's own usage error code). */
    public static final int USAGE = 2;
    /** The cluster could not be read or written (unreachable, unauthorised, timed out). */
    public static final int CLUSTER = 3;
    /** An input could not be read (a missing file, an unknown record). */
    public static final int INPUT = 4;
    /** Nothing in the history is about the entity asked for (timeline, dlt show). */
    public static final int NOT_FOUND = 5;
    /** A bug in the CLI (sysexits' EX_SOFTWARE); the stack trace is printed. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
