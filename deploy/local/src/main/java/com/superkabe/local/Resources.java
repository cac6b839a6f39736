package com.superkabe.local;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything started so far, closed in reverse order of start by whichever comes first: the
 * shutdown hook (Ctrl-C, SIGTERM) or the normal end of {@code --exit-after-demo}.
 */
final class Resources {

    private record Named(String name, AutoCloseable resource) {
    }

    private final Deque<Named> started = new ArrayDeque<>();
    private volatile boolean closed;

    /** Registers a started resource; one that starts while shutting down is closed at once. */
    void add(String name, AutoCloseable resource) {
        synchronized (this) {
            if (!closed) {
                started.push(new Named(name, resource));
                return;
            }
        }
        close(new Named(name, resource));
    }

    /** True once stopping has begun: processes ending from then on are expected to. */
    boolean closing() {
        return closed;
    }

    void installShutdownHook() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeAll, "superkabe-shutdown"));
    }

    synchronized void closeAll() {
        if (closed) {
            return;
        }
        closed = true;
        if (started.isEmpty()) {
            return;
        }
        Console.info("stopping the stack ...");
        while (!started.isEmpty()) {
            close(started.pop());
        }
        sweepStrays();
        Console.info("everything stopped");
    }

    private static void close(Named n) {
        try {
            n.resource().close();
            Console.info("stopped " + n.name());
        } catch (Exception e) {
            Console.warn("stopping " + n.name() + " failed: " + e);
        }
    }

    /** A last guard so no process outlives the launcher, whatever the close order missed. */
    private static void sweepStrays() {
        var strays = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList();
        if (!strays.isEmpty()) {
            Console.warn("killing " + strays.size() + " leftover process(es): "
                    + strays.stream().map(h -> Long.toString(h.pid())).toList());
            strays.forEach(ProcessHandle::destroy);
            strays.forEach(h -> h.onExit().completeOnTimeout(h, Duration.ofSeconds(5).toMillis(),
                    java.util.concurrent.TimeUnit.MILLISECONDS).join());
            strays.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }
}
