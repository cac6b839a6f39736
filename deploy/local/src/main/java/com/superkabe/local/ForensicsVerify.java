package com.superkabe.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * After a fault run's scenario, the operator CLI's {@code verify} (issue #12 item 4): it replays the recorded
 * inputs of protection and of the sequencer into fresh deciders and compares with what each published, so a
 * fault that made a service decide differently from its own inputs shows as a divergence. The CLI runs as
 * its own JVM ({@code cli/target/superkabe-cli-*-exec.jar}) with the operator's read-only Kafka identity,
 * on the broker's direct listener (around the fault proxy). Exit code 0 is clean, 1 a divergence; anything
 * else means verify could not judge, which fails the run as well.
 */
final class ForensicsVerify {

    /** The services whose decisions verify can replay so far. */
    static final List<String> SERVICES = List.of("protection", "sequencer");
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    enum Outcome {
        CLEAN, DIVERGED, ERROR;

        String field() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One service's verify: its outcome and the summary line the CLI printed last. */
    record Result(String service, Outcome outcome, String summary, Path log) {
    }

    private final StackLayout layout;
    private final String bootstrap;
    private final Path jar;

    private ForensicsVerify(StackLayout layout, String bootstrap, Path jar) {
        this.layout = layout;
        this.bootstrap = bootstrap;
        this.jar = jar;
    }

    /** Fails early, before the stack starts, when the CLI jar is missing. */
    static ForensicsVerify locate(StackLayout layout, String bootstrap) {
        Path target = layout.repoRoot().resolve("cli").resolve("target");
        return new ForensicsVerify(layout, bootstrap, execJar(target).orElseThrow(() -> new StackException(
                "the forensics CLI jar is missing: " + layout.show(target) + "/superkabe-cli-*-exec.jar; build it with"
                        + " ./mvnw -q -B -DskipTests install (or run ./deploy/local/faults.sh --rebuild)")));
    }

    /**
     * Every service's verify over the whole topic history so far, reporting only divergences from the
     * scenario's start on (the sequencer's bounded by tick, protection's by instant), so an earlier
     * scenario's divergence is not counted again; the log is {@code verify-<label>-<service>.log}.
     */
    List<Result> run(String label, long fromTick, java.time.Instant from) throws InterruptedException {
        // side by side: each is a JVM that mostly waits for the broker
        List<java.util.concurrent.CompletableFuture<Result>> running = new ArrayList<>();
        for (String service : SERVICES) {
            running.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return runOne(label, service, service.equals("sequencer") ? Long.toString(fromTick) : from.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(service, Outcome.ERROR, "interrupted", layout.logFile("verify-" + label + "-" + service));
                }
            }));
        }
        List<Result> results = new ArrayList<>();
        for (var r : running) {
            try {
                results.add(r.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new StackException("verify failed to run: " + e.getCause(), e.getCause());
            }
        }
        return results;
    }

    private Result runOne(String label, String service, String from) throws InterruptedException {
        Path log = layout.logFile("verify-" + label + "-" + service);
        List<String> args = List.of("verify", "--service", service, "--from", from, "--bootstrap-servers", bootstrap,
                "--command-config", KafkaBroker.operatorProperties(layout).toString());
        ChildProcess p = ChildProcess.start("verify " + service, Jvm.jar(jar,
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), args), layout.repoRoot(), log);
        int code;
        try {
            code = p.awaitExit(TIMEOUT);
        } catch (StackException timedOut) {
            return new Result(service, Outcome.ERROR, timedOut.getMessage(), log);
        }
        return new Result(service, outcome(code), lastLine(log), log);
    }

    static Outcome outcome(int exitCode) {
        return switch (exitCode) {
            case 0 -> Outcome.CLEAN;
            case 1 -> Outcome.DIVERGED;
            default -> Outcome.ERROR;
        };
    }

    /** The worst of the services' outcomes: the field on the CHECKER line. */
    static Outcome overall(List<Result> results) {
        Outcome worst = Outcome.CLEAN;
        for (Result r : results) {
            if (r.outcome().compareTo(worst) > 0) {
                worst = r.outcome();
            }
        }
        return worst;
    }

    /** The CLI's summary and first divergence, or the end of its output when it could not judge. */
    private static String lastLine(Path log) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> lines = all.stream().filter(l -> l.startsWith("verify ") || l.startsWith("FIRST DIVERGENCE")
                    || l.startsWith("  published:") || l.startsWith("  replayed:") || l.startsWith("  caused by:")).toList();
            if (lines.isEmpty()) {
                lines = all.subList(Math.max(0, all.size() - 3), all.size());
            }
            return String.join(" | ", lines.stream().map(String::strip).toList());
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static Optional<Path> execJar(Path target) {
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(target, "superkabe-cli-*-exec.jar")) {
            var it = ds.iterator();
            return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
