package com.superkabe.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crashes the stack's embedded PostgreSQL and starts it again on the data directory and port it had, as an
 * operator's restart after a crash would: the postmaster and its backends get SIGKILL (no checkpoint, no
 * shutdown), and the new postmaster runs crash recovery from the write-ahead log before it accepts
 * connections. It is started with the command line PostgreSQL itself recorded in {@code postmaster.opts},
 * so the binaries, port and settings are the first start's.
 */
final class PostgresCrash {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ARG = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private final StackLayout layout;
    private final Path dataDir;
    private List<String> command;
    private int restarts;

    PostgresCrash(StackLayout layout) {
        this(layout, layout.postgresDir());
    }

    PostgresCrash(StackLayout layout, Path dataDir) {
        this.layout = layout;
        this.dataDir = dataDir;
    }

    /** SIGKILL to the postmaster and every backend it forked; returns once they are gone. */
    void kill() {
        command = withDataDir(parseOpts(read("postmaster.opts")));
        long pid = Long.parseLong(read("postmaster.pid").lines().findFirst().orElseThrow().strip());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new StackException("PostgreSQL's postmaster (pid " + pid + ") is not running"));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                throw new StackException("PostgreSQL process " + h.pid() + " did not die within 10 s of SIGKILL");
            }
        }
    }

    /**
     * Starts the postmaster again (it finds the killed one's {@code postmaster.pid} stale and recovers), and
     * waits until it reports itself ready; its output goes to {@code postgres-restart-<n>.log}. The embedded
     * PostgreSQL's own shutdown ({@code pg_ctl stop} on the data directory) stops it with the stack.
     */
    void restart() throws InterruptedException {
        if (command == null) {
            throw new StackException("PostgreSQL was not killed by this fault run; nothing to restart");
        }
        ChildProcess p = ChildProcess.start("postgres", asUnprivileged(command), layout.repoRoot(),
                layout.logFile("postgres-restart-" + (++restarts)));
        Preflight.recordPid(layout, p.pid(), "postgres");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!ready(p.pid())) {
            if (!p.isAlive()) {
                throw new StackException("PostgreSQL exited during its restart; " + layout.show(p.log()) + " says:\n"
                        + p.whyItFailed(20));
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("PostgreSQL was not ready within " + Console.seconds(START_TIMEOUT)
                        + " of its restart; see " + layout.show(p.log()));
            }
            Thread.sleep(100);
        }
    }

    /** {@code postmaster.pid} names the new postmaster and its status line says "ready" (PostgreSQL 10+). */
    private boolean ready(long pid) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() >= 8 && lines.getFirst().strip().equals(Long.toString(pid))
                    && lines.get(7).strip().equals("ready");
        } catch (IOException notWrittenYet) {
            return false;
        }
    }

    /** {@code postmaster.opts}: the executable, then each argument in double quotes. */
    static List<String> parseOpts(String opts) {
        List<String> args = new ArrayList<>();
        Matcher m = ARG.matcher(opts.strip());
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        if (args.isEmpty()) {
            throw new StackException("postmaster.opts is empty; cannot restart PostgreSQL as it was started");
        }
        return List.copyOf(args);
    }

    /**
     * PostgreSQL refuses to run as root; the embedded one's library then runs it in a user namespace
     * ({@code unshare -U}, where root is mapped to nobody), and so must the restart.
     */
    static List<String> asUnprivileged(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> all = new ArrayList<>(List.of("unshare", "-U"));
        all.addAll(command);
        return List.copyOf(all);
    }

    /** pg_ctl records {@code -D}; should the file lack it, the postmaster would look for $PGDATA instead. */
    private List<String> withDataDir(List<String> args) {
        if (args.contains("-D")) {
            return args;
        }
        List<String> all = new ArrayList<>(args);
        all.addAll(1, List.of("-D", dataDir.toAbsolutePath().toString()));
        return List.copyOf(all);
    }

    private String read(String file) {
        try {
            return Files.readString(dataDir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot read " + dataDir.resolve(file) + ": " + e.getMessage(), e);
        }
    }
}
