package com.superkabe.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The queries in the shipped Grafana dashboards and alert rules, and Grafana's variables filled in. */
final class Dashboards {

    static final Path REPO = locateRepo();
    static final Path OBSERVABILITY = REPO.resolve("deploy/observability");
    static final Path RULES = OBSERVABILITY.resolve("prometheus-rules.yaml");

    /** One query of one panel (or of a dashboard variable): PromQL or PostgreSQL. */
    record Query(String dashboard, String panel, String text, boolean sql) {
        @Override
        public String toString() {
            return dashboard + " / " + panel;
        }
    }

    private Dashboards() {
    }

    private static Path locateRepo() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/observability/grafana"))) {
                return p;
            }
        }
        throw new IllegalStateException("deploy/observability/grafana not found above " + here);
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(OBSERVABILITY.resolve("grafana"))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static List<Query> queries() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Query> queries = new ArrayList<>();
        for (Path file : files()) {
            JsonNode d = json.readTree(file.toFile());
            String name = file.getFileName().toString();
            for (JsonNode v : d.path("templating").path("list")) {
                if ("query".equals(v.path("type").asString(""))) {
                    boolean sql = v.path("datasource").path("type").asString("").contains("postgres");
                    String text = v.path("query").isObject() ? v.path("query").path("query").asString("")
                            : v.path("query").asString("");
                    queries.add(new Query(name, "variable $" + v.path("name").asString(""), text, sql));
                }
            }
            for (JsonNode p : d.path("panels")) {
                for (JsonNode t : p.path("targets")) {
                    if (t.has("rawSql")) {
                        queries.add(new Query(name, p.path("title").asString(""), t.path("rawSql").asString(""), true));
                    } else {
                        queries.add(new Query(name, p.path("title").asString(""), t.path("expr").asString(""), false));
                    }
                }
            }
        }
        return queries;
    }

    /** A panel's PromQL as Grafana would send it, with the dashboards' variables at their widest. */
    static String promql(String expr) {
        if (expr.startsWith("label_values(")) {
            // Grafana's variable function: it asks Prometheus for the series of the inner selector
            String inner = expr.substring("label_values(".length(), expr.lastIndexOf(','));
            return "count by (service) (" + inner + ")";
        }
        return expr.replace("$__rate_interval", "10s").replace("$__interval", "5s").replace("$__range", "5m")
                .replace("$service", ".+");
    }

    /** A panel's SQL as Grafana's PostgreSQL data source would run it, for one mailbox and the last hour. */
    static String sql(String raw, String mailboxId) {
        return raw.replaceAll("\\$__timeGroupAlias\\(([a-z_]+), \\$__interval\\)",
                        "to_timestamp(floor(extract(epoch FROM $1) / 5) * 5) AS \"time\"")
                .replaceAll("\\$__timeFilter\\(([a-z_]+)\\)", "$1 BETWEEN now() - interval '1 hour' AND now() + interval '1 minute'")
                .replace("$mailbox", mailboxId);
    }
}
