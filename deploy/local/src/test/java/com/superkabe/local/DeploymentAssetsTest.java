package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The alert rules and dashboards (deploy/observability) against the code: every file parses, every rule
 * has a runbook section, and every metric named in a rule or panel is one a service really exports (a
 * misspelt {@code superkabe_*} name fails here). The Kubernetes objects are checked where they are rendered:
 * the Helm chart's tests in deploy/helm.
 */
class DeploymentAssetsTest {

    static final Path REPO = Path.of("").toAbsolutePath().resolve("../..").normalize();
    static final Path OBSERVABILITY = REPO.resolve("deploy/observability");

    /** Standard Spring Boot / Micrometer meter families the rules and dashboards may use besides superkabe_*. */
    static final List<String> STANDARD_PREFIXES = List.of("jvm_", "process_", "system_", "hikaricp_", "jdbc_",
            "kafka_consumer_", "kafka_producer_", "http_server_requests_", "spring_kafka_", "executor_",
            "logback_", "tomcat_", "disk_", "application_");
    static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{");
    static final Pattern SUPERKABE_METRIC = Pattern.compile("\\bsuperkabe_[a-z0-9_]+");

    static MetricCatalogue metrics;

    @BeforeAll
    static void load() throws IOException {
        assertThat(OBSERVABILITY.resolve("prometheus-rules.yaml")).as("run from the deploy/local module directory").exists();
        metrics = MetricCatalogue.scan(REPO);
    }

    @Test
    void every_alert_rule_has_an_expression_on_real_metrics_and_a_runbook_section() throws IOException {
        Map<?, ?> rules = map(loadAll(OBSERVABILITY.resolve("prometheus-rules.yaml")).getFirst());
        Set<String> anchors = Runbook.anchors(REPO.resolve("docs/operations.md"));
        List<String> exprs = new ArrayList<>();
        for (Object g : list(rules.get("groups"))) {
            for (Object r : list(map(g).get("rules"))) {
                Map<?, ?> rule = map(r);
                String alert = String.valueOf(rule.get("alert"));
                assertThat(rule.get("expr")).as(alert + " expr").isInstanceOf(String.class);
                exprs.add(String.valueOf(rule.get("expr")));
                String runbook = String.valueOf(at(rule, "annotations", "runbook_url"));
                assertThat(runbook).as(alert).contains("/docs/operations.md#");
                assertThat(anchors).as(alert + " runbook section").contains(runbook.substring(runbook.indexOf('#') + 1));
            }
        }
        assertThat(exprs).hasSizeGreaterThanOrEqualTo(10);
        assertThat(metrics.problems(exprs)).as("unknown metrics in prometheus-rules.yaml").isEmpty();
    }

    @Test
    void every_dashboard_parses_and_every_panel_queries_real_metrics() throws IOException {
        List<Path> dashboards;
        try (Stream<Path> s = Files.list(OBSERVABILITY.resolve("grafana"))) {
            dashboards = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).isNotEmpty();
        ObjectMapper json = new ObjectMapper();
        for (Path file : dashboards) {
            JsonNode dashboard = json.readTree(file.toFile());
            assertThat(dashboard.path("title").asString("")).as(file + " title").isNotBlank();
            assertThat(dashboard.path("uid").asString("")).as(file + " uid").isNotBlank();
            List<String> exprs = new ArrayList<>();
            Set<Integer> ids = new HashSet<>();
            int queried = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                assertThat(ids.add(panel.path("id").asInt())).as(file + " unique panel id").isTrue();
                assertThat(panel.path("gridPos").isObject()).as(file + " gridPos").isTrue();
                if ("row".equals(panel.path("type").asString(""))) {
                    continue;
                }
                assertThat(panel.path("targets").size()).as(panel.path("title").asString("") + " targets").isPositive();
                for (JsonNode target : panel.path("targets")) {
                    if (target.has("rawSql")) {
                        // a PostgreSQL panel: DashboardQueriesE2EIT runs its SQL against the migrated schema
                        assertThat(target.path("rawSql").asString("")).as(panel.path("title").asString("")).isNotBlank();
                        continue;
                    }
                    String expr = target.path("expr").asString("");
                    assertThat(expr).as(panel.path("title").asString("")).isNotBlank();
                    exprs.add(expr);
                }
                queried++;
            }
            assertThat(queried).as(file + " panels").isGreaterThanOrEqualTo(5);
            assertThat(metrics.problems(exprs)).as("unknown metrics in " + file.getFileName()).isEmpty();
        }
    }

    @Test
    void the_metric_check_rejects_a_misspelt_or_invented_metric() {
        assertThat(metrics.problems(List.of("sum(rate(superkabe_outbox_published_total{service=\"x\"}[5m]))",
                "superkabe_gate_store_unavailable{service=\"gate-service\"} > 0",
                "sum(rate(superkabe_replypoller_auto_replies_total{}[5m]))",
                "histogram_quantile(0.9, sum by (le) (rate(superkabe_ingestion_intake_phase_seconds_bucket{}[5m])))",
                "max(jvm_memory_used_bytes{area=\"heap\"})", "up{namespace=\"superkabe\"} == 0"))).isEmpty();
        assertThat(metrics.problems(List.of("sum(rate(superkabe_outbox_publishd_total{service=\"x\"}[5m]))")))
                .singleElement().asString().contains("superkabe_outbox_publishd_total");
        assertThat(metrics.problems(List.of("rate(superkabe_replypoller_autoreplies_total{}[5m])"))).hasSize(1);
        assertThat(metrics.problems(List.of("rate(leads_total{}[5m])"))).singleElement().asString().contains("leads_total");
        assertThat(metrics.problems(List.of("sum(rate(superkabe_sends_total[5m]))"))).isNotEmpty();
    }

    // ---- helpers ----

    /** The superkabe_* meters the services' main code registers, and the checks against them. */
    record MetricCatalogue(List<Set<String>> literalsPerFile) {

        static final Pattern LITERAL = Pattern.compile("\"([^\"\\\\]*)\"");
        static final List<String> SUFFIXES = List.of("_total", "_seconds_bucket", "_seconds_count", "_seconds_sum",
                "_seconds_max", "_seconds", "_max");

        static MetricCatalogue scan(Path repo) throws IOException {
            List<Set<String>> perFile = new ArrayList<>();
            try (Stream<Path> modules = Files.list(repo)) {
                for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                    try (Stream<Path> files = Files.walk(main)) {
                        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                            Set<String> literals = new HashSet<>();
                            Matcher m = LITERAL.matcher(Files.readString(f));
                            while (m.find()) {
                                literals.add(m.group(1));
                            }
                            if (literals.stream().anyMatch(l -> l.startsWith("superkabe_"))) {
                                perFile.add(literals);
                            }
                        }
                    }
                }
            }
            assertThat(perFile).as("service sources with superkabe_* meters under " + repo).isNotEmpty();
            return new MetricCatalogue(perFile);
        }

        /** What is wrong with these expressions' metric names; empty when every one exists. */
        List<String> problems(List<String> exprs) {
            List<String> problems = new ArrayList<>();
            for (String expr : exprs) {
                Matcher selector = SELECTOR.matcher(expr);
                int selectors = 0;
                while (selector.find()) {
                    selectors++;
                    String name = selector.group(1);
                    if (!name.startsWith("superkabe_") && !name.equals("up")
                            && STANDARD_PREFIXES.stream().noneMatch(name::startsWith)) {
                        problems.add(name + " is neither a superkabe_* meter nor a standard one, in: " + expr);
                    }
                }
                if (selectors == 0) {
                    problems.add("no metric selector with {...} in: " + expr);
                }
                Matcher m = SUPERKABE_METRIC.matcher(expr);
                while (m.find()) {
                    if (!exists(m.group())) {
                        problems.add(m.group() + " is not registered by any service, in: " + expr);
                    }
                }
                Matcher bare = Pattern.compile("\\b(superkabe_[a-z0-9_]+)\\b(?!\\s*\\{)").matcher(expr);
                while (bare.find()) {
                    problems.add(bare.group(1) + " needs a {...} selector (so the name check sees it), in: " + expr);
                }
            }
            return problems;
        }

        boolean exists(String prometheusName) {
            List<String> candidates = new ArrayList<>(List.of(prometheusName));
            for (String suffix : SUFFIXES) {
                if (prometheusName.endsWith(suffix)) {
                    candidates.add(prometheusName.substring(0, prometheusName.length() - suffix.length()));
                }
            }
            return candidates.stream().anyMatch(this::registered);
        }

        /** Registered as one literal, or as a literal prefix plus a literal rest in the same file. */
        private boolean registered(String name) {
            for (Set<String> literals : literalsPerFile) {
                if (literals.contains(name)) {
                    return true;
                }
                for (String l : literals) {
                    if (l.startsWith("superkabe_") && l.endsWith("_") && name.startsWith(l)
                            && literals.contains(name.substring(l.length()))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Section anchors of a Markdown file as GitHub renders them. */
    static final class Runbook {
        static Set<String> anchors(Path markdown) throws IOException {
            Set<String> anchors = new HashSet<>();
            for (String line : Files.readAllLines(markdown)) {
                if (line.startsWith("#")) {
                    anchors.add(line.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT)
                            .replaceAll("[^a-z0-9 _-]", "").trim().replace(' ', '-'));
                }
            }
            return anchors;
        }
    }

    static List<Map<?, ?>> loadAll(Path file) {
        List<Map<?, ?>> docs = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (Object doc : new Yaml().loadAll(r)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static Object at(Object root, String... path) {
        Object node = root;
        for (String key : path) {
            assertThat(node).as("missing " + key + " in " + String.join(".", path)).isInstanceOf(Map.class);
            node = ((Map<?, ?>) node).get(key);
        }
        return node;
    }

    static Map<Object, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return new LinkedHashMap<>((Map<?, ?>) node);
    }

    static List<Object> list(Object node) {
        assertThat(node).isInstanceOf(List.class);
        return new ArrayList<>((List<?>) node);
    }
}
