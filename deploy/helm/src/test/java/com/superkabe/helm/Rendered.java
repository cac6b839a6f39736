package com.superkabe.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** The objects one {@code helm template} run rendered, parsed (duplicate keys refused). */
record Rendered(String name, List<Map<String, Object>> objects) {

    static Rendered of(String name, Helm.Result result) {
        assertThat(result.exitCode()).as("helm template with %s:%n%s", name, result.stderr()).isZero();
        return new Rendered(name, parse(result.stdout()));
    }

    static List<Map<String, Object>> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(options).loadAll(yaml)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    Stream<Map<String, Object>> kind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind")));
    }

    Map<String, Map<String, Object>> byName(String kind) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        kind(kind).forEach(o -> out.put(nameOf(o), o));
        return out;
    }

    /** Every pod template: Deployments' and Jobs'. */
    Map<String, Map<String, Object>> podSpecs() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        objects.stream().filter(o -> List.of("Deployment", "Job").contains(o.get("kind")))
                .forEach(o -> out.put(o.get("kind") + "/" + nameOf(o), map(at(o, "spec", "template", "spec"))));
        return out;
    }

    static String nameOf(Map<String, Object> o) {
        return String.valueOf(at(o, "metadata", "name"));
    }

    static Object at(Object root, String... path) {
        Object node = root;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> m)) {
                return null;
            }
            node = m.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }

    static List<Map<String, Object>> maps(Object node) {
        return list(node).stream().map(Rendered::map).toList();
    }
}
