package com.superkabe.gateway;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The examples of an OpenAPI 3.1 document, and a JSON Schema 2020-12 validator for each one's schema. */
final class Examples {

    interface Visitor {
        void example(String where, JsonNode schema, JsonNode example);
    }

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12);

    private Examples() {
    }

    /** Every media type object (request bodies and responses) that has a schema and an example. */
    static void forEach(JsonNode doc, Visitor visitor) {
        for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                media(where + " request", op.getValue().path("requestBody").path("content"), visitor);
                for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
                    media(where + " " + response.getKey(), response.getValue().path("content"), visitor);
                }
            }
        }
    }

    private static void media(String where, JsonNode content, Visitor visitor) {
        for (Map.Entry<String, JsonNode> type : content.properties()) {
            JsonNode schema = type.getValue().get("schema");
            if (schema == null) {
                continue;
            }
            if (type.getValue().has("example")) {
                visitor.example(where + " " + type.getKey(), schema, type.getValue().get("example"));
            }
            for (Map.Entry<String, JsonNode> named : type.getValue().path("examples").properties()) {
                if (named.getValue().has("value")) {
                    visitor.example(where + " " + type.getKey() + " " + named.getKey(), schema,
                            named.getValue().get("value"));
                }
            }
        }
    }

    /** The schema with the document's components beside it, so its {@code #/components/…} refs resolve. */
    static Schema validator(JsonNode doc, JsonNode schema) {
        ObjectNode root = schema.isObject() ? (ObjectNode) schema.deepCopy() : tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        root.set("components", doc.path("components"));
        return REGISTRY.getSchema(root);
    }
}
