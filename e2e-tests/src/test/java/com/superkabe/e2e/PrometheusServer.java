package com.superkabe.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A real Prometheus server (Debian's {@code prometheus} package, or {@code PROMETHEUS=/path}) in its
 * own process, scraping the given targets every second with the shipped rule file loaded.
 */
final class PrometheusServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path dir;
    final String base;

    /** The prometheus binary: {@code PROMETHEUS} if set, else the first on PATH. */
    static Optional<Path> locate() {
        String explicit = System.getenv("PROMETHEUS");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isBlank()).map(d -> Path.of(d, "prometheus")).filter(Files::isExecutable).findFirst();
    }

    /** Whether this build must run the Prometheus checks (CI installs the package and says so). */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("SUPERKABE_REQUIRE_PROMTOOL"))
                || "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Starts Prometheus scraping {@code targets} (job name → host:port) at /actuator/prometheus. */
    PrometheusServer(Path binary, Path rules, Map<String, String> targets) throws IOException, InterruptedException {
        dir = Files.createTempDirectory("superkabe-prometheus-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String jobs = targets.entrySet().stream().map(t -> """
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ['%s']
                """.formatted(t.getKey(), t.getValue())).collect(Collectors.joining());
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                %s""".formatted(rules.toAbsolutePath(), jobs));
        base = "http://127.0.0.1:" + port;
        process = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("Prometheus did not become ready:\n" + log());
            }
            Thread.sleep(200);
        }
    }

    private boolean ready() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/-/ready")).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String log() {
        try {
            return Files.readString(dir.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** An instant query: Prometheus' JSON answer (status "error" with errorType "bad_data" when it does not parse). */
    JsonNode query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    JsonNode get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("Prometheus " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
