package com.superkabe.observability;

import static com.superkabe.observability.AlertRules.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alert rules as shipped: every alert annotated and linked to a runbook section that exists, the
 * PrometheusRule object identical to the rule file, and a promtool test per alert that expects it both
 * firing and silent. No promtool needed; {@link PromtoolTest} runs the tests themselves.
 */
class AlertRulesTest {

    @Test
    void every_alert_has_a_summary_a_description_and_a_runbook_url_to_an_existing_section() {
        Set<String> sections = AlertRules.anchors(AlertRules.OPERATIONS);
        Map<String, Map<?, ?>> alerts = AlertRules.alerts();
        assertThat(alerts).hasSizeGreaterThanOrEqualTo(20);
        alerts.forEach((alert, rule) -> {
            Map<?, ?> annotations = map(rule.get("annotations"));
            assertThat(annotations.keySet().stream().map(String::valueOf).toList()).as(alert)
                    .containsExactlyInAnyOrder("summary", "description", "runbook_url");
            assertThat(String.valueOf(annotations.get("summary"))).as(alert + " summary").isNotBlank();
            assertThat(String.valueOf(annotations.get("description"))).as(alert + " description").hasSizeGreaterThan(40);
            String url = String.valueOf(annotations.get("runbook_url"));
            assertThat(url).as(alert + " runbook_url").startsWith(AlertRules.RUNBOOK_BASE);
            assertThat(sections).as(alert + " runbook section in docs/operations.md")
                    .contains(url.substring(AlertRules.RUNBOOK_BASE.length()));
            assertThat(map(rule.get("labels")).get("severity")).as(alert + " severity")
                    .isIn("critical", "warning", "info");
        });
    }

    @Test
    void the_prometheus_rule_object_carries_the_rule_files_groups_unchanged() {
        Map<?, ?> object = map(AlertRules.load(AlertRules.PROMETHEUS_RULE));
        assertThat(object.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(object.get("kind")).isEqualTo("PrometheusRule");
        assertThat(map(object.get("metadata")).get("namespace")).isEqualTo("superkabe");
        assertThat(map(object.get("spec")).get("groups"))
                .as("prometheus-rule.yaml drifted from prometheus-rules.yaml: run deploy/observability/render-prometheusrule.sh")
                .isEqualTo(map(AlertRules.load(AlertRules.RULES)).get("groups"));
    }

    @Test
    void every_alert_has_a_promtool_test_that_expects_it_firing_and_silent() {
        for (String alert : AlertRules.alerts().keySet()) {
            Path file = AlertRules.testFile(alert);
            assertThat(file).as(alert + " needs tests/" + alert + ".yaml").exists();
            assertThat(map(AlertRules.load(file)).get("rule_files")).as(file.toString())
                    .isEqualTo(java.util.List.of("../prometheus-rules.yaml"));
            AlertRules.Coverage coverage = AlertRules.Coverage.of(alert);
            assertThat(coverage.firing()).as(alert + " firing evaluations").isPositive();
            assertThat(coverage.silent()).as(alert + " silent evaluations").isPositive();
        }
    }

    @Test
    void every_test_file_tests_an_alert_that_exists() {
        Set<String> alerts = AlertRules.alerts().keySet();
        assertThat(AlertRules.testFiles()).isNotEmpty().allSatisfy(f ->
                assertThat(alerts).as(f.getFileName() + " names no alert").contains(
                        f.getFileName().toString().replaceFirst("\\.yaml$", "")));
    }
}
