package com.superkabe.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A JVM the stack started, with its output in a log file; stopping it takes its descendants along. */
final class ChildProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess start(String name, List<String> command, Path workDir, Path log) {
        return start(name, command, Map.of(), workDir, log);
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(env);
            Process p = pb.directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            return new ChildProcess(name, p, log);
        } catch (IOException e) {
            throw new StackException("could not start " + name + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the process and its descendants, and waits until they are gone (fault runs). */
    void kill() {
        List<ProcessHandle> handles = new ArrayList<>(process.descendants().toList());
        handles.add(process.toHandle());
        handles.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : handles) {
            try {
                h.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception stillGoingOrInterrupted) {
                throw new StackException(name + " (pid " + h.pid() + ") did not die within 10 s of SIGKILL");
            }
        }
    }

    /** Waits for a short-lived tool (e.g. the storage formatter) and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stopAll(List.of(this), Duration.ofSeconds(2));
            throw new StackException(name + " did not finish within " + Console.seconds(timeout) + "; see " + log);
        }
        return process.exitValue();
    }

    /** The lines of the log that say why the process failed (or its end), for error messages. */
    String whyItFailed(int tailLines) {
        try {
            // decoding leniently: a crashing JVM may leave a half-written multi-byte character
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", LogExcerpt.explain(lines, tailLines));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * SIGTERM to every process and its descendants at once (so services shut down in parallel and
     * release their Kafka groups cleanly), then SIGKILL whatever is still alive after the grace.
     */
    static void stopAll(List<ChildProcess> children, Duration grace) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (ChildProcess c : children) {
            c.process.descendants().forEach(handles::add);
            handles.add(c.process.toHandle());
        }
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : handles) {
            long left = deadline - System.nanoTime();
            try {
                h.onExit().get(Math.max(0, left), TimeUnit.NANOSECONDS);
            } catch (Exception timedOutOrInterrupted) {
                h.destroyForcibly();
            }
        }
        handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
