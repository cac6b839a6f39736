package com.superkabe.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Refuses to start over a previous run that is still alive (a killed launcher cannot clean up its
 * broker or PostgreSQL): names the busy ports and, from the pid file of the last run, the culprits.
 */
final class Preflight {

    private Preflight() {
    }

    static void requireFreePorts(List<Integer> ports, StackLayout layout) {
        List<Integer> busy = ports.stream().filter(Preflight::inUse).toList();
        if (busy.isEmpty()) {
            return;
        }
        StringBuilder msg = new StringBuilder("port(s) " + busy + " already in use");
        if (busy.contains(KafkaBroker.PORT)) {
            msg.append(" - a Kafka broker (probably from a previous run) is still listening on localhost:")
                    .append(KafkaBroker.PORT);
        }
        List<String> stale = staleProcesses(layout);
        if (stale.isEmpty()) {
            msg.append("\nstop whatever holds them (e.g. `ss -ltnp | grep <port>`) and run again");
        } else {
            msg.append("\nprocesses left by a previous run of the local stack are still alive:\n  ")
                    .append(String.join("\n  ", stale))
                    .append("\nstop them with: kill ")
                    .append(stale.stream().map(s -> s.substring(0, s.indexOf(' '))).collect(Collectors.joining(" ")));
        }
        throw new StackException(msg.toString());
    }

    /** Records a child so the next run can point at it if this launcher is killed hard. */
    static void recordPid(StackLayout layout, long pid, String name) {
        try {
            Files.createDirectories(layout.stateDir());
            Files.writeString(layout.pidFile(), pid + " " + name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            Console.warn("could not write " + layout.pidFile() + ": " + e.getMessage());
        }
    }

    static void forgetPids(StackLayout layout) {
        try {
            Files.deleteIfExists(layout.pidFile());
        } catch (IOException e) {
            Console.warn("could not delete " + layout.pidFile() + ": " + e.getMessage());
        }
    }

    static boolean inUse(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 300);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static List<String> staleProcesses(StackLayout layout) {
        List<String> lines = new ArrayList<>(readLines(layout.pidFile()));
        // PostgreSQL detaches from the launcher (pg_ctl), so its pid lives in its own data directory
        readLines(layout.postgresDir().resolve("postmaster.pid")).stream().findFirst()
                .ifPresent(pid -> lines.add(pid.strip() + " postgres"));
        return lines.stream().map(Preflight::aliveDescription).flatMap(Optional::stream).toList();
    }

    private static Optional<String> aliveDescription(String line) {
        String[] parts = line.strip().split(" ", 2);
        try {
            long pid = Long.parseLong(parts[0]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(h -> pid + " " + (parts.length > 1 ? parts[1] : "") + " ("
                            + h.info().command().orElse("?") + ")");
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
