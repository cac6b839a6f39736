package com.superkabe.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every built-in object the chart renders maps onto the Kubernetes API's own types (fabric8's model, generated
 * from the API's OpenAPI), with no field the type does not know and no value of the wrong type: what
 * {@code kubectl apply --dry-run=server} would refuse, checked without an API server. Custom resources
 * (ServiceMonitor, PrometheusRule, KafkaTopic, ScaledObject) are counted, not checked.
 */
class KubernetesTypesTest {

    static final Map<String, Class<?>> TYPES = Map.of(
            "v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class,
            "v1/Service", io.fabric8.kubernetes.api.model.Service.class,
            "v1/ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class,
            "apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class,
            "batch/v1/Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class,
            "policy/v1/PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler",
            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class);
    static final List<String> CUSTOM = List.of("monitoring.coreos.com/v1/ServiceMonitor",
            "monitoring.coreos.com/v1/PrometheusRule", "kafka.strimzi.io/v1beta2/KafkaTopic", "keda.sh/v1alpha1/ScaledObject");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void every_built_in_object_of_every_values_file_is_a_valid_kubernetes_object() {
        int checked = 0;
        int custom = 0;
        for (String values : HelmLintTest.VALUES) {
            Rendered r = Rendered.of(values, Helm.template(List.of(Helm.values(values))));
            for (Map<String, Object> object : r.objects()) {
                String type = object.get("apiVersion") + "/" + object.get("kind");
                if (CUSTOM.contains(type)) {
                    custom++;
                    continue;
                }
                assertThat(TYPES).as(values + ": an object of a type this test does not know").containsKey(type);
                String what = values + " " + type + " " + Rendered.nameOf(object);
                assertThat(unknownFields(object, TYPES.get(type))).as(what + ": fields the API does not know").isEmpty();
                checked++;
            }
        }
        System.out.printf("Kubernetes API types: %d objects checked, %d custom resources counted%n", checked, custom);
        assertThat(checked).isGreaterThan(50);
    }

    @Test
    void a_misspelt_field_or_a_wrong_type_is_found() {
        Map<String, Object> deployment = Rendered.parse("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailible: 0}}
                  selector: {matchLabels: {a: b}}
                  template:
                    spec:
                      containers: [{name: x, image: x, securityContext: {readOnlyRootFileSystem: true}}]
                """).getFirst();
        assertThat(unknownFields(deployment, TYPES.get("apps/v1/Deployment")))
                .containsExactlyInAnyOrder("spec.strategy.rollingUpdate.maxUnavailible",
                        "spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem");
        Map<String, Object> wrongType = Rendered.parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec: {ports: [{port: not-a-number}]}
                """).getFirst();
        assertThat(unknownFields(wrongType, TYPES.get("v1/Service"))).singleElement().asString()
                .contains("not a valid");
    }

    /** Paths of the fields the type does not know (or the conversion error), empty when the object fits. */
    static List<String> unknownFields(Map<String, Object> object, Class<?> type) {
        Object typed;
        try {
            typed = JSON.convertValue(object, type);
        } catch (IllegalArgumentException e) {
            return List.of(e.getMessage());
        }
        List<String> unknown = new ArrayList<>();
        walk(typed, "", unknown);
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                walk(o, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> walk(v, path + "." + k, unknown));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(getter.toString(), e);
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(k -> unknown.add((path.isEmpty() ? "" : path.substring(1) + ".") + k));
            } else {
                walk(value, path + "." + field, unknown);
            }
        }
    }
}
