package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPrometheusTest {

    static final Path RULES = Path.of("../observability/prometheus-rules.yaml").toAbsolutePath().normalize();

    @Test
    void observabilityIsOffUnlessAsked() {
        assertThat(Options.parse(List.of()).observability()).isFalse();
        assertThat(Options.parse(List.of("--observability", "--no-demo")).observability()).isTrue();
        assertThat(Options.USAGE).contains("--observability");
    }

    @Test
    void theConfigScrapesEveryStartedServiceAndLoadsTheShippedRules() {
        List<ServiceSpec> services = Options.parse(List.of("--skip=gate-service")).services();

        String config = LocalPrometheus.config(services, RULES);

        for (ServiceSpec s : services) {
            assertThat(config).contains("job_name: " + s.name()).contains("'localhost:" + s.port() + "'");
        }
        assertThat(config).doesNotContain("gate-service").contains("metrics_path: /actuator/prometheus")
                .contains("- " + RULES);
    }

    @Test
    void promtoolAcceptsTheConfigWithItsRules(@TempDir Path dir) throws Exception {
        Optional<Path> promtool = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(d -> Path.of(d, "promtool")).filter(Files::isExecutable).findFirst();
        Assumptions.assumeTrue(promtool.isPresent(), "promtool not installed (apt-get install prometheus)");
        Path file = dir.resolve("prometheus.yml");
        Files.writeString(file, LocalPrometheus.config(Options.parse(List.of()).services(), RULES));

        Process p = new ProcessBuilder(promtool.get().toString(), "check", "config", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void findsTheBinaryFromPrometheusOrPath(@TempDir Path dir) throws Exception {
        Path fake = Files.createFile(dir.resolve("prometheus"));
        assertThat(fake.toFile().setExecutable(true)).isTrue();

        assertThat(LocalPrometheus.locate(Map.of("PATH", "/nonexistent" + File.pathSeparator + dir))).contains(fake);
        assertThat(LocalPrometheus.locate(Map.of("PROMETHEUS", fake.toString(), "PATH", ""))).contains(fake);
        assertThat(LocalPrometheus.locate(Map.of("PATH", "/nonexistent"))).isEmpty();
    }
}
