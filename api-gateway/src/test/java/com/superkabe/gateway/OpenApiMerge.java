package com.superkabe.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Builds docs/openapi.yaml from the six services' own documents (ADR 0030): each path item names its
 * service in {@code x-superkabe-service} (the gateway routes by it), operations are tagged and their
 * ids prefixed with the service, a schema name two services use for different shapes is prefixed with
 * the service, and keys are sorted so the text depends only on the six documents.
 */
final class OpenApiMerge {

    static final String SERVER = "http://localhost:8080";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerge() {
    }

    /** The merged document as YAML text; fails if two services declare the same path. */
    static String merge(Map<String, JsonNode> specsByService) {
        Map<String, JsonNode> specs = new TreeMap<>();
        specsByService.forEach((s, spec) -> specs.put(s, spec.deepCopy()));
        renameCollidingSchemas(specs);

        Map<String, Object> paths = new TreeMap<>();
        Map<String, String> owner = new HashMap<>();
        Map<String, Object> schemas = new TreeMap<>();
        Map<String, Object> securitySchemes = new TreeMap<>();
        specs.forEach((service, spec) -> {
            String prefix = shortName(service);
            for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
                String before = owner.putIfAbsent(path.getKey(), service);
                if (before != null) {
                    throw new IllegalStateException("path " + path.getKey() + " is served by both " + before
                            + " and " + service + "; every path must have one owner");
                }
                ObjectNode item = (ObjectNode) path.getValue();
                for (Map.Entry<String, JsonNode> op : item.properties()) {
                    if (op.getValue() instanceof ObjectNode o && o.has("responses")) {
                        o.putArray("tags").add(service);
                        if (o.has("operationId")) {
                            o.put("operationId", prefix + "_" + o.get("operationId").asString());
                        }
                    }
                }
                item.put(RouteTable.SERVICE_EXTENSION, service);
                paths.put(path.getKey(), toJava(item));
            }
            spec.path("components").path("schemas").properties()
                    .forEach(e -> schemas.put(e.getKey(), toJava(e.getValue())));
            spec.path("components").path("securitySchemes").properties()
                    .forEach(e -> securitySchemes.put(e.getKey(), toJava(e.getValue())));
        });

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.1.0");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "Superkabe API");
        info.put("version", "v1");
        info.put("description", "The six services' APIs behind one front door (the api-gateway; localhost:8080 in "
                + "the local stack). Generated from each service's /v3/api-docs by FrontDoorIT; do not edit. "
                + "Problems (RFC 9457) link their type to docs/problems.md.");
        doc.put("info", info);
        doc.put("servers", List.of(Map.of("url", SERVER, "description", "the API gateway of the local stack")));
        List<Map<String, Object>> tags = new ArrayList<>();
        specs.keySet().forEach(s -> tags.add(Map.of("name", s)));
        doc.put("tags", tags);
        doc.put("paths", paths);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", schemas);
        components.put("securitySchemes", securitySchemes);
        doc.put("components", components);
        return yaml().dump(sorted(doc, true));
    }

    private static void renameCollidingSchemas(Map<String, JsonNode> specs) {
        Map<String, Map<String, JsonNode>> byName = new TreeMap<>();
        specs.forEach((service, spec) -> spec.path("components").path("schemas").properties()
                .forEach(e -> byName.computeIfAbsent(e.getKey(), k -> new TreeMap<>()).put(service, e.getValue())));
        byName.forEach((name, shapes) -> {
            if (shapes.values().stream().distinct().count() > 1) {
                shapes.keySet().forEach(service -> rename(specs.get(service), name,
                        shortName(service) + "." + name));
            }
        });
    }

    private static void rename(JsonNode spec, String from, String to) {
        ObjectNode schemas = (ObjectNode) spec.path("components").path("schemas");
        JsonNode shape = schemas.remove(from);
        schemas.set(to, shape);
        rewriteRefs(spec, SCHEMA_REF + from, SCHEMA_REF + to);
    }

    private static void rewriteRefs(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode o) {
            for (Map.Entry<String, JsonNode> e : o.properties()) {
                if (e.getKey().equals("$ref") && e.getValue().isString() && e.getValue().asString().equals(from)) {
                    o.set("$ref", StringNode.valueOf(to));
                } else {
                    rewriteRefs(e.getValue(), from, to);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> rewriteRefs(n, from, to));
        }
    }

    static String shortName(String service) {
        return service.replace("-service", "");
    }

    private static Object toJava(JsonNode node) {
        return JSON.treeToValue(node, Object.class);
    }

    /** Keys sorted at every level below the top, whose order (openapi, info, …, components) is kept. */
    @SuppressWarnings("unchecked")
    private static Object sorted(Object value, boolean top) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = top ? new LinkedHashMap<>() : new TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, sorted(v, false)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(v -> sorted(v, false)).toList();
        }
        return value;
    }

    private static Yaml yaml() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setWidth(120);
        o.setIndent(2);
        o.setIndicatorIndent(0);
        o.setSplitLines(true);
        o.setDereferenceAliases(true);
        return new Yaml(o);
    }
}
