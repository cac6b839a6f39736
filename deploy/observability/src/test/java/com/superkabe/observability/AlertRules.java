package com.superkabe.observability;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/** The rule file, its PrometheusRule twin and the promtool test files, read as plain YAML trees. */
final class AlertRules {

    static final Path DIR = Path.of("").toAbsolutePath();
    static final Path RULES = DIR.resolve("prometheus-rules.yaml");
    static final Path PROMETHEUS_RULE = DIR.resolve("prometheus-rule.yaml");
    static final Path TESTS = DIR.resolve("tests");
    static final Path OPERATIONS = DIR.resolve("../../docs/operations.md").normalize();
    static final String RUNBOOK_BASE = "https://superkabe.dev/docs/operations.md#";

    private AlertRules() {
    }

    /** Every alerting rule of the rule file, by alert name, in file order. */
    static Map<String, Map<?, ?>> alerts() {
        Map<String, Map<?, ?>> alerts = new LinkedHashMap<>();
        for (Object group : list(map(load(RULES)).get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                Map<?, ?> r = map(rule);
                if (r.get("alert") instanceof String name) {
                    alerts.put(name, r);
                }
            }
        }
        return alerts;
    }

    /** The promtool unit-test file of one alert. */
    static Path testFile(String alert) {
        return TESTS.resolve(alert + ".yaml");
    }

    static List<Path> testFiles() {
        try (var files = Files.list(TESTS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one alert's test file checks: its cases, and the evaluations expecting it firing or silent. */
    record Coverage(int cases, int firing, int silent, int promqlChecks) {

        static Coverage of(String alert) {
            int cases = 0;
            int firing = 0;
            int silent = 0;
            int promql = 0;
            for (Object test : list(map(load(testFile(alert))).get("tests"))) {
                cases++;
                Map<?, ?> t = map(test);
                for (Object eval : t.get("alert_rule_test") instanceof List<?> l ? l : List.of()) {
                    Map<?, ?> e = map(eval);
                    if (alert.equals(e.get("alertname"))) {
                        if (e.get("exp_alerts") instanceof List<?> expected && !expected.isEmpty()) {
                            firing++;
                        } else {
                            silent++;
                        }
                    }
                }
                promql += t.get("promql_expr_test") instanceof List<?> l ? l.size() : 0;
            }
            return new Coverage(cases, firing, silent, promql);
        }

        @Override
        public String toString() {
            return cases + " cases: fires at " + firing + " evaluation(s), silent at " + silent
                    + (promqlChecks > 0 ? ", " + promqlChecks + " PromQL check(s)" : "");
        }
    }

    /** Section anchors of a Markdown file as GitHub renders them. */
    static Set<String> anchors(Path markdown) {
        Set<String> anchors = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(markdown)) {
                if (line.startsWith("#")) {
                    anchors.add(line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT)
                            .replaceAll("[^a-z0-9 _-]", "").trim().replace(' ', '-'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    static Object load(Path file) {
        try (Reader r = Files.newBufferedReader(file)) {
            return new Yaml().load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<?, ?> map(Object node) {
        if (node instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalStateException("expected a mapping, got " + node);
    }

    static List<?> list(Object node) {
        if (node instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        throw new IllegalStateException("expected a list, got " + node);
    }
}
