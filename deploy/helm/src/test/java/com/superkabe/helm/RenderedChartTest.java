package com.superkabe.helm;

import static com.superkabe.helm.Rendered.at;
import static com.superkabe.helm.Rendered.list;
import static com.superkabe.helm.Rendered.map;
import static com.superkabe.helm.Rendered.maps;
import static com.superkabe.helm.Rendered.nameOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Service;
import com.superkabe.events.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The objects helm renders for the minimal, production and Strimzi values, checked against the code. */
class RenderedChartTest {

    static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|TOKEN|_KEY$|JAAS|CREDENTIAL", Pattern.CASE_INSENSITIVE);
    static final Pattern REFERENCE = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)");
    static final List<String> PLATFORM = List.of("ingestion-service", "gate-service", "sequencer-service",
            "send-adapter-service", "reply-poller-service", "protection-service");
    static final String GATEWAY = "api-gateway";
    static final String CONSOLE = "console";
    /** Ports and health paths of the two components outside this repository's main branch today. */
    static final Map<String, Integer> FRONT_PORTS = Map.of(GATEWAY, 8080, CONSOLE, 8087);

    static Rendered minimal;
    static Rendered production;
    static Rendered strimzi;

    @BeforeAll
    static void render() {
        minimal = Rendered.of("minimal", Helm.template(List.of(Helm.values("minimal"))));
        production = Rendered.of("production", Helm.template(List.of(Helm.values("production"))));
        strimzi = Rendered.of("strimzi", Helm.template(List.of(Helm.values("strimzi"))));
    }

    static List<Rendered> all() {
        return List.of(minimal, production, strimzi);
    }

    @Test
    void every_service_and_the_gateway_is_a_deployment_with_a_service_on_its_real_port() throws IOException {
        for (Rendered r : all()) {
            Map<String, Map<String, Object>> deployments = r.byName("Deployment");
            assertThat(deployments.keySet()).as(r.name()).containsExactlyInAnyOrderElementsOf(
                    concat(PLATFORM, List.of(GATEWAY, CONSOLE)));
            for (var d : deployments.entrySet()) {
                int port = FRONT_PORTS.containsKey(d.getKey()) ? FRONT_PORTS.get(d.getKey()) : serverPort(d.getKey());
                Map<String, Object> container = container(d.getValue());
                Map<String, Object> containerPort = maps(container.get("ports")).getFirst();
                assertThat(containerPort).as(r.name() + " " + d.getKey()).containsEntry("containerPort", port)
                        .containsEntry("name", "http");
                Map<String, Object> service = r.byName("Service").get(d.getKey());
                assertThat(service).as(r.name() + " Service " + d.getKey()).isNotNull();
                assertThat(maps(at(service, "spec", "ports")).getFirst()).containsEntry("port", port);
                assertThat(map(at(d.getValue(), "spec", "template", "metadata", "labels")))
                        .containsAllEntriesOf(map(at(service, "spec", "selector")));
            }
        }
    }

    @Test
    void every_container_probes_the_actuator_health_groups_and_has_requests_and_limits() {
        for (Rendered r : all()) {
            r.byName("Deployment").forEach((name, d) -> {
                Map<String, Object> c = container(d);
                String why = r.name() + " " + name;
                // the console serves everything, its actuator included, under its context path /console
                String health = name.equals(CONSOLE) ? "/console/actuator/health" : "/actuator/health";
                assertThat(at(c, "startupProbe", "httpGet", "path")).as(why).isEqualTo(health + "/liveness");
                assertThat(at(c, "livenessProbe", "httpGet", "path")).as(why).isEqualTo(health + "/liveness");
                assertThat(at(c, "readinessProbe", "httpGet", "path")).as(why).isEqualTo(health + "/readiness");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    assertThat(at(c, probe, "httpGet", "port")).as(why + " " + probe).isEqualTo("http");
                }
                boolean heapFromLimit = maps(c.get("env")).stream().anyMatch(e -> "JAVA_TOOL_OPTIONS".equals(e.get("name")))
                        || (c.get("envFrom") != null && Rendered.map(r.byName("ConfigMap").get("superkabe-config")
                                .get("data")).containsKey("JAVA_TOOL_OPTIONS"));
                assertThat(heapFromLimit).as(why + ": heap sized from the container limit").isTrue();
            });
            r.podSpecs().forEach((name, pod) -> {
                for (Map<String, Object> c : containers(pod)) {
                    for (String kind : List.of("requests", "limits")) {
                        assertThat(map(at(c, "resources", kind))).as(r.name() + " " + name + " " + kind)
                                .containsKeys("cpu", "memory");
                    }
                }
            });
        }
    }

    @Test
    void every_pod_and_container_including_the_topics_job_runs_non_root_read_only_without_capabilities() {
        int checked = 0;
        for (Rendered r : all()) {
            assertThat(r.podSpecs().keySet()).as(r.name()).anyMatch(k -> k.startsWith("Deployment/"));
            for (var e : r.podSpecs().entrySet()) {
                String why = r.name() + " " + e.getKey();
                Map<String, Object> pod = e.getValue();
                assertThat(at(pod, "securityContext", "runAsNonRoot")).as(why).isEqualTo(true);
                assertThat(at(pod, "securityContext", "seccompProfile", "type")).as(why).isEqualTo("RuntimeDefault");
                assertThat((Integer) at(pod, "securityContext", "runAsUser")).as(why).isPositive();
                assertThat(pod.get("automountServiceAccountToken")).as(why).isEqualTo(false);
                assertThat(pod.get("enableServiceLinks")).as(why + ": no service-link variables for Spring to bind")
                        .isEqualTo(false);
                for (Map<String, Object> c : containers(pod)) {
                    Map<String, Object> sc = map(c.get("securityContext"));
                    assertThat(sc).as(why + " " + c.get("name")).containsEntry("runAsNonRoot", true)
                            .containsEntry("allowPrivilegeEscalation", false).containsEntry("readOnlyRootFilesystem", true)
                            .containsEntry("privileged", false);
                    assertThat(list(at(sc, "capabilities", "drop"))).as(why).contains("ALL");
                    assertThat(at(sc, "seccompProfile", "type")).as(why).isEqualTo("RuntimeDefault");
                    assertThat(maps(c.get("volumeMounts"))).as(why + ": a writable /tmp on the read-only root")
                            .anyMatch(m -> "/tmp".equals(m.get("mountPath")));
                    checked++;
                }
            }
        }
        assertThat(production.podSpecs()).containsKey("Job/superkabe-topics");
        System.out.println("security context checked on " + checked + " containers");
    }

    @Test
    void no_secret_is_rendered_into_a_config_map_or_a_pod_spec_every_secret_setting_is_a_secret_reference() {
        for (Rendered r : all()) {
            assertThat(r.kind("Secret")).as(r.name() + ": the chart never creates a Secret").isEmpty();
            r.byName("ConfigMap").forEach((name, cm) -> map(cm.get("data")).forEach((key, value) -> {
                assertThat(SECRET_NAME.matcher(key).find()).as(r.name() + " ConfigMap " + name + " key " + key).isFalse();
                assertThat(String.valueOf(value)).as(r.name() + " ConfigMap " + name + " " + key)
                        .doesNotContainPattern("(?i)password=\"?[^\"$%\\s]");
            }));
            r.podSpecs().forEach((pod, spec) -> {
                for (Map<String, Object> c : containers(spec)) {
                    Set<String> fromSecrets = new HashSet<>();
                    for (Map<String, Object> env : maps(c.get("env"))) {
                        String name = String.valueOf(env.get("name"));
                        if (at(env, "valueFrom", "secretKeyRef") != null) {
                            fromSecrets.add(name);
                            continue;
                        }
                        if (!SECRET_NAME.matcher(name).find()) {
                            continue;
                        }
                        // only a JAAS line may carry a password, and only as a reference to a secret variable
                        String value = String.valueOf(env.get("value"));
                        assertThat(name).as(r.name() + " " + pod + ": " + name + " is a literal").contains("JAAS");
                        Matcher ref = REFERENCE.matcher(value);
                        assertThat(ref.find()).as(r.name() + " " + pod + " " + name + " references its password").isTrue();
                        assertThat(fromSecrets).as(r.name() + " " + pod + " " + name).contains(ref.group(1));
                        assertThat(value.replace(ref.group(), "")).doesNotContainPattern("password=\"[^\"]");
                    }
                }
            });
        }
    }

    @Test
    void every_variable_is_one_the_service_reads_and_only_the_sequencer_writes_the_clock() throws IOException {
        // bound by Spring's relaxed binding or expanded by the kubelet, not named in a ${...} of the service's yml
        Set<String> relaxed = Set.of("SUPERKABE_CLOCK_ENABLED", "SUPERKABE_SECRETS_KEY", "SUPERKABE_KAFKA_SASL_PASSWORD",
                "JAVA_TOOL_OPTIONS");
        for (Rendered r : all()) {
            Map<String, Object> config = map(r.byName("ConfigMap").get("superkabe-config").get("data"));
            for (String service : PLATFORM) {
                String yml = Files.readString(Helm.REPO.resolve(service + "/src/main/resources/" + service + ".yml"));
                Map<String, Object> c = container(r.byName("Deployment").get(service));
                assertThat(maps(c.get("envFrom"))).as(service + " reads the shared settings")
                        .anyMatch(e -> "superkabe-config".equals(at(e, "configMapRef", "name")));
                Set<String> names = new HashSet<>(config.keySet());
                maps(c.get("env")).forEach(e -> names.add(String.valueOf(e.get("name"))));
                for (String name : names) {
                    if (name.startsWith("SUPERKABE_")) {
                        assertThat(relaxed.contains(name) || yml.contains("${" + name + ":") || yml.contains("${" + name + "}"))
                                .as(r.name() + ": " + service + " reads " + name).isTrue();
                    }
                }
                assertThat(names).as(service).contains("SUPERKABE_DB_URL", "SUPERKABE_DB_USER", "SUPERKABE_DB_PASSWORD",
                        "SUPERKABE_KAFKA");
                if (yml.contains("${SUPERKABE_SECRETS_KEY}")) {
                    assertThat(names).as(service + " requires the secrets key").contains("SUPERKABE_SECRETS_KEY");
                }
                assertThat(names.contains("SUPERKABE_CLOCK_ENABLED")).as(r.name() + ": " + service + " writes the clock")
                        .isEqualTo(service.equals("sequencer-service"));
            }
            assertThat(config).as(r.name() + ": topics come from the catalogue, never from a service")
                    .containsEntry("SPRING_KAFKA_ADMIN_AUTOCREATE", "false")
                    .containsEntry("SPRING_KAFKA_CONSUMER_PROPERTIES_ALLOW_AUTO_CREATE_TOPICS", "false");
            for (String front : FRONT_PORTS.keySet()) {
                assertThat(container(r.byName("Deployment").get(front))).as(front + " has no database or Kafka")
                        .doesNotContainKey("envFrom");
            }
        }
    }

    @Test
    void every_component_rolls_with_none_unavailable_and_the_sequencer_never_scales_on_lag() {
        for (Rendered r : all()) {
            r.byName("Deployment").forEach((name, d) -> {
                assertThat(at(d, "spec", "strategy", "type")).as(r.name() + " " + name).isEqualTo("RollingUpdate");
                assertThat(at(d, "spec", "strategy", "rollingUpdate", "maxUnavailable")).as(r.name() + " " + name)
                        .isEqualTo(0);
            });
            // active/standby (ADR 0052): standbys add no throughput, so lag must not add them
            assertThat(r.byName("HorizontalPodAutoscaler")).as(r.name()).doesNotContainKey("sequencer-service");
            assertThat(r.byName("ScaledObject")).as(r.name()).doesNotContainKey("sequencer-service");
        }
    }

    @Test
    void production_runs_every_component_but_the_console_at_two_or_more_replicas_each_with_a_budget() {
        Map<String, Map<String, Object>> hpas = production.byName("HorizontalPodAutoscaler");
        Map<String, Map<String, Object>> pdbs = production.byName("PodDisruptionBudget");
        production.byName("Deployment").forEach((name, d) -> {
            // the console: sessions in the pod's memory; the sequencer runs two, active and standby (ADR 0052)
            if (name.equals(CONSOLE)) {
                assertThat(at(d, "spec", "replicas")).as(name).isEqualTo(1);
                return;
            }
            int floor = hpas.containsKey(name) ? (Integer) at(hpas.get(name), "spec", "minReplicas")
                    : (Integer) at(d, "spec", "replicas");
            assertThat(floor).as("production " + name + " replicas (or HPA minReplicas)").isGreaterThanOrEqualTo(2);
            if (hpas.containsKey(name)) {
                assertThat(at(d, "spec")).as(name + ": the HPA owns the replica count").extracting(s -> map(s).get("replicas"))
                        .isNull();
            }
            Map<String, Object> pdb = pdbs.get(name);
            assertThat(pdb).as("production " + name + " PodDisruptionBudget").isNotNull();
            int maxUnavailable = (Integer) at(pdb, "spec", "maxUnavailable");
            assertThat(maxUnavailable).as(name + ": lets one go at a time, keeps the rest serving").isEqualTo(1)
                    .isLessThan(floor);
            assertThat(map(at(pdb, "spec", "selector", "matchLabels")))
                    .isEqualTo(map(at(d, "spec", "selector", "matchLabels")));
        });
        assertThat(minimal.kind("PodDisruptionBudget")).as("one replica each: a budget would mean nothing").isEmpty();
    }

    @Test
    void lag_autoscalers_never_exceed_the_partitions_of_the_topic_they_watch() {
        List<Map<String, Object>> hpas = production.kind("HorizontalPodAutoscaler").toList();
        assertThat(hpas).isNotEmpty();
        for (Map<String, Object> hpa : hpas) {
            Map<String, Object> external = map(maps(at(hpa, "spec", "metrics")).getFirst().get("external"));
            Map<String, Object> labels = map(at(external, "metric", "selector", "matchLabels"));
            String topic = String.valueOf(labels.get("topic"));
            assertThat(labels.get("consumergroup")).isEqualTo(nameOf(hpa));
            assertThat((Integer) at(hpa, "spec", "maxReplicas")).as(nameOf(hpa) + " on " + topic)
                    .isLessThanOrEqualTo(Topic.byName(topic).partitions());
            assertThat(at(hpa, "spec", "scaleTargetRef", "name")).isEqualTo(nameOf(hpa));
        }
        List<Map<String, Object>> scaled = strimzi.kind("ScaledObject").toList();
        assertThat(scaled).isNotEmpty();
        for (Map<String, Object> so : scaled) {
            Map<String, Object> trigger = maps(at(so, "spec", "triggers")).getFirst();
            Map<String, Object> meta = map(trigger.get("metadata"));
            assertThat(meta).containsEntry("consumerGroup", nameOf(so)).containsEntry("allowIdleConsumers", "false")
                    .containsEntry("tls", "enable").containsEntry("sasl", "scram_sha512");
            assertThat((Integer) at(so, "spec", "maxReplicaCount"))
                    .isLessThanOrEqualTo(Topic.byName(String.valueOf(meta.get("topic"))).partitions());
        }
        assertThat(strimzi.kind("HorizontalPodAutoscaler")).as("keda mode renders no HPA of its own").isEmpty();
    }

    @Test
    void the_values_catalogue_the_topics_job_and_the_strimzi_topics_are_the_topic_enum_and_every_dead_letter_topic()
            throws IOException {
        Map<String, long[]> expected = new LinkedHashMap<>();
        for (Topic t : Topic.values()) {
            expected.put(t.topicName(), new long[] {t.partitions(), t.retention() == null ? -1 : t.retention().toMillis()});
        }
        for (Service s : Service.values()) {
            if (s != Service.EXTERNAL) {
                expected.put(s.deadLetterTopic(), new long[] {1, 2_592_000_000L});
            }
        }
        Map<String, Object> values = Rendered.parse(Files.readString(Helm.CHART.resolve("values.yaml"))).getFirst();
        Map<String, long[]> catalogue = new LinkedHashMap<>();
        for (Map<String, Object> t : maps(at(values, "kafka", "topics", "catalogue"))) {
            catalogue.put(String.valueOf(t.get("name")), new long[] {((Number) t.get("partitions")).longValue(),
                    ((Number) t.get("retentionMs")).longValue()});
        }
        assertThat(catalogue).as("values.yaml kafka.topics.catalogue").usingRecursiveComparison().isEqualTo(expected);

        for (Rendered r : List.of(minimal, production)) {
            Map<String, Object> script = r.byName("ConfigMap").get("superkabe-topics");
            Map<String, long[]> job = new LinkedHashMap<>();
            for (String line : String.valueOf(at(script, "data", "topics.txt")).strip().split("\n")) {
                String[] f = line.strip().split("\\s+");
                job.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
            assertThat(job).as(r.name() + " topics job").usingRecursiveComparison().isEqualTo(expected);
            Map<String, Object> jobObject = r.byName("Job").get("superkabe-topics");
            assertThat(String.valueOf(at(jobObject, "metadata", "annotations", "helm.sh/hook")))
                    .as("the topics exist before any service starts").contains("pre-install").contains("pre-upgrade");
        }
        Map<String, long[]> kafkaTopics = new LinkedHashMap<>();
        strimzi.kind("KafkaTopic").forEach(t -> {
            assertThat(at(t, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("superkabe");
            assertThat(at(t, "metadata", "annotations", "helm.sh/resource-policy")).as("uninstall keeps the history")
                    .isEqualTo("keep");
            assertThat(at(t, "spec", "replicas")).isEqualTo(3);
            assertThat(at(t, "spec", "config", "min.insync.replicas")).isEqualTo(2);
            kafkaTopics.put(String.valueOf(at(t, "spec", "topicName")), new long[] {((Number) at(t, "spec", "partitions"))
                    .longValue(), ((Number) at(t, "spec", "config", "retention.ms")).longValue()});
        });
        assertThat(kafkaTopics).as("strimzi KafkaTopics").usingRecursiveComparison().isEqualTo(expected);
        assertThat(strimzi.kind("Job")).as("strimzi mode runs no topics job").isEmpty();
    }

    @Test
    void the_prometheus_rule_carries_the_observability_rule_file_unchanged_and_the_service_monitor_scrapes_the_actuator()
            throws IOException {
        Map<String, Object> ruleFile = Rendered.parse(Files.readString(
                Helm.REPO.resolve("deploy/observability/prometheus-rules.yaml"))).getFirst();
        Map<String, Object> rule = production.kind("PrometheusRule").findFirst().orElseThrow();
        assertThat(at(rule, "spec", "groups")).isEqualTo(ruleFile.get("groups"));
        Map<String, Object> monitor = production.kind("ServiceMonitor").findFirst().orElseThrow();
        Map<String, Object> endpoint = maps(at(monitor, "spec", "endpoints")).getFirst();
        assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
        production.byName("Deployment").forEach((name, d) -> assertThat(at(d, "spec", "template", "metadata", "annotations"))
                .as(name + ": one scrape path only (the ServiceMonitor)").satisfiesAnyOf(
                        a -> assertThat(a).isNull(), a -> assertThat(map(a)).doesNotContainKey("prometheus.io/scrape")));
        minimal.byName("Deployment").forEach((name, d) -> assertThat(
                at(d, "spec", "template", "metadata", "annotations", "prometheus.io/port")).as(name)
                .isEqualTo(String.valueOf(maps(container(d).get("ports")).getFirst().get("containerPort"))));
        assertThat(minimal.kind("PrometheusRule")).isEmpty();
    }

    @Test
    void the_ingress_sends_the_front_door_and_the_tracking_routes_to_the_gateway() {
        Map<String, Object> ingress = production.kind("Ingress").findFirst().orElseThrow();
        Map<String, Map<String, Integer>> routes = new HashMap<>();
        for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
            Map<String, Integer> paths = new LinkedHashMap<>();
            for (Map<String, Object> p : maps(at(rule, "http", "paths"))) {
                assertThat(at(p, "backend", "service", "name")).isEqualTo(GATEWAY);
                assertThat(p.get("pathType")).isEqualTo("Prefix");
                paths.put(String.valueOf(p.get("path")), (Integer) at(p, "backend", "service", "port", "number"));
            }
            routes.put(String.valueOf(rule.get("host")), paths);
        }
        assertThat(routes.get("api.example.com")).containsOnlyKeys("/api", "/admin", "/t", "/console")
                .allSatisfy((path, port) -> assertThat(port).isEqualTo(8080));
        assertThat(routes.get("track.example.com")).containsOnlyKeys("/t");
        assertThat(list(at(ingress, "spec", "tls"))).isNotEmpty();
        assertThat(minimal.kind("Ingress")).isEmpty();
    }

    // ---- helpers ----

    static int serverPort(String service) throws IOException {
        Matcher m = Pattern.compile("(?m)^server:\\s*\\n\\s+port:\\s*(\\d+)")
                .matcher(Files.readString(Helm.REPO.resolve(service + "/src/main/resources/" + service + ".yml")));
        assertThat(m.find()).as(service + " server.port").isTrue();
        return Integer.parseInt(m.group(1));
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        return maps(at(deployment, "spec", "template", "spec", "containers")).getFirst();
    }

    static List<Map<String, Object>> containers(Map<String, Object> pod) {
        return concat(maps(pod.get("initContainers")), maps(pod.get("containers")));
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toList());
    }
}
