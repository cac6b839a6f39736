package com.superkabe.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code helm lint --strict} on every values file, and the values the schema or the templates must refuse. */
class HelmLintTest {

    static final List<String> VALUES = List.of("minimal", "production", "strimzi");

    @TestFactory
    Stream<DynamicTest> helm_lint_strict_passes_for_every_values_file() {
        Helm.binary();
        return VALUES.stream().map(v -> DynamicTest.dynamicTest(v, () -> {
            Helm.Result lint = Helm.run("lint", "--strict", Helm.CHART.toString(), "-f", Helm.values(v).toString());
            System.out.printf("helm lint --strict -f ci/%s-values.yaml: exit %d%n", v, lint.exitCode());
            assertThat(lint.exitCode()).as("helm lint --strict with %s:%n%s", v, lint.output()).isZero();
            assertThat(lint.stdout()).contains("1 chart(s) linted, 0 chart(s) failed").doesNotContain("[WARNING]",
                    "[ERROR]");
        }));
    }

    @Test
    void the_chart_refuses_to_render_without_a_database_or_kafka() {
        assertRefused(List.of(), List.of(), "database.url is required");
        assertRefused(List.of(Helm.values("minimal")), List.of("kafka.bootstrapServers="),
                "kafka.bootstrapServers is required");
    }

    @TestFactory
    Stream<DynamicTest> the_schema_refuses_bad_values_naming_the_field() {
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("services.sequencer-service.replicas: Must be greater than or equal to 1",
                List.of("services.sequencer-service.replicas=0"));
        cases.put("services.sequencer-service.autoscaling.enabled",
                List.of("services.sequencer-service.autoscaling.enabled=true"));
        cases.put("services.gate-service.env", List.of("services.gate-service.env.SUPERKABE_DB_PASSWORD=hunter2"));
        cases.put("services.send-adapter-service.env", List.of("services.send-adapter-service.env.SUPERKABE_CLOCK_ENABLED=true"));
        cases.put("services.gate-service.port", List.of("services.gate-service.port=9999"));
        cases.put("services.gate-service.singleton", List.of("services.gate-service.singleton=true"));
        cases.put("services.sequencer-service.singleton", List.of("services.sequencer-service.singleton=true"));
        cases.put("services: Additional property mail-service is not allowed", List.of("services.mail-service.enabled=true"));
        cases.put("kafka.bootstrapServers", List.of("kafka.bootstrapServers=no port here"));
        cases.put("kafka.sasl.mechanism", List.of("kafka.sasl.mechanism=GSSAPI"));
        cases.put("kafka.topics.mode", List.of("kafka.topics.mode=auto"));
        cases.put("database.url", List.of("database.url=postgres://wrong-scheme"));
        cases.put("defaults.resources.limits.memory", List.of("defaults.resources.limits.memory=lots"));
        cases.put("kafka: Additional property password is not allowed", List.of("kafka.password=hunter2"));
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(String.join(" ", c.getValue()),
                () -> assertRefused(List.of(Helm.values("minimal")), c.getValue(), c.getKey())));
    }

    @Test
    void the_templates_refuse_more_consumers_than_partitions_and_a_broken_ingress() {
        assertRefused(List.of(Helm.values("minimal")), List.of("services.gate-service.autoscaling.enabled=true",
                "services.gate-service.autoscaling.maxReplicas=7"),
                "services.gate-service.autoscaling.maxReplicas (7) exceeds the 6 partitions of superkabe.leads");
        assertRefused(List.of(Helm.values("minimal")), List.of("services.reply-poller-service.replicas=4"),
                "services.reply-poller-service.replicas (4) exceeds the 3 partitions of superkabe.mailboxes");
        assertRefused(List.of(Helm.values("minimal")), List.of("kafka.topics.partitionOverrides.superkabe\\.mailboxes=8",
                "services.reply-poller-service.replicas=7"),
                "services.reply-poller-service.replicas (7) exceeds the 6 partitions of superkabe.send-outcomes");
        assertRefused(List.of(Helm.values("minimal")), List.of("kafka.topics.partitionOverrides.superkabe\\.leads=4",
                "services.gate-service.replicas=5"), "exceeds the 4 partitions of superkabe.leads");
        assertRefused(List.of(Helm.values("minimal")), List.of("ingress.enabled=true", "services.api-gateway.enabled=false"),
                "ingress.api.service api-gateway is not an enabled component");
        assertRefused(List.of(Helm.values("minimal")), List.of("kafka.sasl.enabled=true"),
                "kafka.sasl.enabled needs kafka.sasl.username and kafka.sasl.passwordSecret.name");
        assertRefused(List.of(Helm.values("minimal")), List.of("kafka.topics.mode=strimzi"),
                "kafka.topics.mode strimzi needs kafka.topics.strimzi.clusterName");
    }

    @Test
    void the_packaged_chart_carries_the_alert_rules_by_content_not_by_link(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Helm.Result pack = Helm.run("package", Helm.CHART.toString(), "--destination", dir.toString());
        assertThat(pack.exitCode()).as(pack.output()).isZero();
        Path archive;
        try (var files = java.nio.file.Files.list(dir)) {
            archive = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow();
        }
        Helm.Result fromArchive = Helm.run("template", "sk", archive.toString(), "-f", Helm.values("production").toString(),
                "--show-only", "templates/monitoring.yaml");
        assertThat(fromArchive.exitCode()).as(fromArchive.output()).isZero();
        Map<String, Object> rule = Rendered.parse(fromArchive.stdout()).stream()
                .filter(o -> "PrometheusRule".equals(o.get("kind"))).findFirst().orElseThrow();
        Map<String, Object> ruleFile = Rendered.parse(java.nio.file.Files.readString(
                Helm.REPO.resolve("deploy/observability/prometheus-rules.yaml"))).getFirst();
        assertThat(Rendered.at(rule, "spec", "groups")).isEqualTo(ruleFile.get("groups"));
    }

    static void assertRefused(List<Path> files, List<String> sets, String expected) {
        Helm.Result r = Helm.template(files, sets.toArray(String[]::new));
        assertThat(r.exitCode()).as("helm template %s should fail, rendered:%n%s", sets, r.stdout()).isNotZero();
        assertThat(r.stderr()).as("the error names the field").contains(expected);
    }
}
