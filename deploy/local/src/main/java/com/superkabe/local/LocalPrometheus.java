package com.superkabe.local;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code --observability}: a Prometheus server (the machine's own {@code prometheus}, e.g. Debian's
 * package, or {@code PROMETHEUS=/path}) scraping the services this stack started every 5 s, with the
 * shipped alert rules loaded. Without the binary the stack runs on and says how to get it.
 */
final class LocalPrometheus {

    static final int PORT = 9090;
    static final String URL = "http://localhost:" + PORT;

    private LocalPrometheus() {
    }

    /** The prometheus binary: {@code PROMETHEUS} if set, else the first on PATH. */
    static Optional<Path> locate(Map<String, String> env) {
        String explicit = env.get("PROMETHEUS");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        return Stream.of(env.getOrDefault("PATH", "").split(File.pathSeparator)).filter(d -> !d.isBlank())
                .map(d -> Path.of(d, "prometheus")).filter(Files::isExecutable).findFirst();
    }

    /** The configuration: one job per service (its name), the rule file from deploy/observability. */
    static String config(List<ServiceSpec> services, Path rules) {
        // one job per service, its instances (with --replicas 2) as that job's targets
        java.util.Map<String, List<String>> targets = new java.util.LinkedHashMap<>();
        services.forEach(s -> targets.computeIfAbsent(s.name(), k -> new java.util.ArrayList<>())
                .add("'localhost:" + s.port() + "'"));
        String jobs = targets.entrySet().stream().map(e -> """
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: [%s]
                """.formatted(e.getKey(), String.join(", ", e.getValue()))).collect(Collectors.joining());
        return """
                # written by deploy/local/run.sh --observability; edits are overwritten on the next run
                global:
                  scrape_interval: 5s
                  evaluation_interval: 5s
                rule_files:
                  - %s
                scrape_configs:
                %s""".formatted(rules.toAbsolutePath(), jobs);
    }

    /** Starts Prometheus and waits until it is ready; empty (with a note) when it is not installed. */
    static Optional<String> start(List<ServiceSpec> services, StackLayout layout, Resources resources)
            throws IOException, InterruptedException {
        Optional<Path> binary = locate(System.getenv());
        if (binary.isEmpty()) {
            Console.warn("--observability: prometheus is not installed (Debian/Ubuntu: sudo apt-get install prometheus; "
                    + "or set PROMETHEUS=/path/to/prometheus); the stack runs without it");
            return Optional.empty();
        }
        Path dir = layout.stateDir().resolve("prometheus");
        // fresh each run, like the broker and the database: old series would describe services long gone
        FileTrees.deleteRecursively(dir.resolve("data"));
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Path rules = layout.repoRoot().resolve("deploy/observability/prometheus-rules.yaml");
        Files.writeString(config, config(services, rules));
        ChildProcess p = ChildProcess.start("prometheus", List.of(binary.get().toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + PORT),
                layout.repoRoot(), layout.logFile("prometheus"));
        resources.add("Prometheus (pid " + p.pid() + ")", () -> ChildProcess.stopAll(List.of(p), Duration.ofSeconds(10)));
        Preflight.recordPid(layout, p.pid(), "prometheus");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            if (!p.isAlive()) {
                throw new StackException("Prometheus stopped at start-up:\n" + p.whyItFailed(20));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(URL + "/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("Prometheus not ready within 30 s; see " + layout.show(p.log()));
            }
            Thread.sleep(250);
        }
        Console.info("Prometheus " + binary.get() + " up at " + URL + ", scraping " + services.size()
                + " services, rules from " + layout.show(rules));
        return Optional.of(URL);
    }

    /** The summary's lines: where to look. */
    static String whereToLook(StackLayout layout) {
        return "Prometheus:  " + URL + "  (targets " + URL + "/targets, alerts " + URL + "/alerts, config "
                + layout.show(layout.stateDir().resolve("prometheus/prometheus.yml")) + ")\n"
                + "dashboards:  import deploy/observability/grafana/*.json into your Grafana, data source " + URL + "\n";
    }
}
