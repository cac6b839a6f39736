package com.superkabe.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Broken requests for one operation of the merged OpenAPI document: a valid-ish body built from the
 * operation's schema (or a given seed where the document types the body as a plain string), then
 * copies with one thing broken — one field's type, value or text, the document's syntax, the
 * content type, the path id or the key. Pure and deterministic: the same operation and seed give
 * the same requests, so a failure printed with its seed reproduces.
 */
final class FuzzCases {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One request to send; {@code auth} false means the case sets (or drops) the key itself. */
    record Case(String name, String method, String path, String contentType, byte[] body, boolean auth,
                List<String> headers) {
        String describe() {
            return method + " " + path + " [" + name + "]";
        }
    }

    /** An operation of the document: its path template, method, owning service and request body. */
    record Operation(String template, String method, String service, JsonNode op) {
        boolean writes() {
            return !method.equals("GET");
        }

        String key() {
            return method + " " + template;
        }
    }

    private FuzzCases() {
    }

    /** Every operation of the document, in document order. */
    static List<Operation> operations(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            String service = path.getValue().path(RouteTable.SERVICE_EXTENSION).asString();
            for (Map.Entry<String, JsonNode> m : path.getValue().properties()) {
                if (!m.getKey().startsWith("x-")) {
                    out.add(new Operation(path.getKey(), m.getKey().toUpperCase(), service, m.getValue()));
                }
            }
        }
        return out;
    }

    /**
     * All cases for the operation, shuffled by {@code random}; the first {@code limit} are kept, and
     * the key and unknown-id cases always (they are few and each endpoint must meet them).
     */
    static List<Case> cases(JsonNode doc, Operation op, JsonNode seed, Random random, int limit) {
        String path = op.template().replaceAll("\\{[^}]+}", "fz-" + Integer.toHexString(random.nextInt()));
        List<Case> always = new ArrayList<>();
        List<Case> sampled = new ArrayList<>();
        String type = op.op().path("requestBody").path("content").has("application/json") ? "application/json"
                : op.op().path("requestBody").path("content").propertyNames().stream().findFirst().orElse(null);
        byte[] valid = seed == null ? null : bytes(seed);
        boolean secured = op.op().has("security");

        if (secured) {
            always.add(new Case("no key", op.method(), path, type, valid, false, List.of()));
            always.add(new Case("an unknown key", op.method(), path, type, valid, false,
                    List.of(keyHeader(op), "sk_fuzz_" + Integer.toHexString(random.nextInt()))));
            always.add(new Case("an empty bearer", op.method(), path, type, valid, false,
                    List.of("Authorization", "Bearer ")));
        }
        if (!path.equals(op.template())) {
            for (String id : List.of("%00", "a%0D%0Ab", "%C3%28", "x".repeat(3000), "..%2F..%2Fadmin", "%E2%80%AE")) {
                String p = op.template().replaceAll("\\{[^}]+}", id);
                (id.equals("%00") ? always : sampled).add(new Case("path id " + abbreviate(id), op.method(), p, type,
                        valid, true, List.of()));
            }
            always.add(new Case("an unknown path id", op.method(), path, type, valid, true, List.of()));
        }
        for (Map.Entry<String, JsonNode> q : queryParams(op)) {
            for (String v : List.of("%00", "BOGUS", "%7B%22", "x".repeat(5000))) {
                sampled.add(new Case("query " + q.getKey() + "=" + abbreviate(v), op.method(),
                        path + "?" + q.getKey() + "=" + v, type, valid, true, List.of()));
            }
        }
        if (seed != null && "application/json".equals(type)) {
            jsonCases(doc, op, path, seed, sampled);
        }
        if (op.op().path("requestBody").path("content").has("multipart/form-data")) {
            csvCases(op, path, always);
        }
        if (op.writes()) {
            for (String ct : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "multipart/form-data", "application/json; charset=ebcdic", "*/*")) {
                sampled.add(new Case("content type " + ct, op.method(), path, ct,
                        valid == null ? "x=1".getBytes(StandardCharsets.UTF_8) : valid, true, List.of()));
            }
            sampled.add(new Case("no content type", op.method(), path, null, valid, true, List.of()));
            sampled.add(new Case("an empty body", op.method(), path, type, new byte[0], true, List.of()));
        }
        java.util.Collections.shuffle(sampled, random);
        List<Case> out = new ArrayList<>(always);
        out.addAll(sampled.subList(0, Math.min(limit, sampled.size())));
        return out;
    }

    private static void jsonCases(JsonNode doc, Operation op, String path, JsonNode seed, List<Case> out) {
        // surrogates as JSON escapes: getBytes would send a lone one as '?', and the case would test nothing
        Consumer<Object[]> add = c -> out.add(new Case((String) c[0], op.method(), path, "application/json",
                c[1] instanceof byte[] b ? b : com.superkabe.kit.testing.ApiProbe.utf8((String) c[1]), true, List.of()));
        String whole = JSON.writeValueAsString(seed);
        add.accept(new Object[] {"an array for the document", "[" + whole + "]"});
        add.accept(new Object[] {"a string for the document", "\"" + whole.replace("\"", "'") + "\""});
        add.accept(new Object[] {"null for the document", "null"});
        add.accept(new Object[] {"a truncated document", whole.substring(0, Math.max(1, whole.length() / 2))});
        add.accept(new Object[] {"a truncated document (last brace)", whole.substring(0, whole.length() - 1)});
        add.accept(new Object[] {"trailing tokens", whole + "}"});
        add.accept(new Object[] {"a comment", "/* x */" + whole});
        add.accept(new Object[] {"single quotes", whole.replace('"', '\'')});
        add.accept(new Object[] {"invalid UTF-8", utf8Broken(whole)});
        add.accept(new Object[] {"nesting 5000 deep", "[".repeat(5000) + "]".repeat(5000)});
        add.accept(new Object[] {"a NaN", "{\"x\":NaN}"});
        if (seed.isObject() && seed.size() > 0) {
            String first = seed.propertyNames().iterator().next();
            add.accept(new Object[] {"a duplicate key", "{\"" + first + "\":" + JSON.writeValueAsString(seed.get(first))
                    + "," + whole.substring(1)});
            ObjectNode extra = (ObjectNode) seed.deepCopy();
            extra.put("fuzzUnknownField", 1);
            add.accept(new Object[] {"an unknown field", JSON.writeValueAsString(extra)});
        }
        for (String field : fields(seed, "")) {
            for (Object[] v : brokenValues(field, at(seed, field))) {
                ObjectNode copy = (ObjectNode) seed.deepCopy();
                put(copy, field, (JsonNode) v[1]);
                add.accept(new Object[] {v[0] + " for " + field, JSON.writeValueAsString(copy)});
            }
            ObjectNode without = (ObjectNode) seed.deepCopy();
            remove(without, field);
            add.accept(new Object[] {"no " + field, JSON.writeValueAsString(without)});
        }
    }

    /**
     * CSV uploads, as a multipart part and (where the endpoint takes it) a bare body: a truncated
     * multipart, one without a boundary, a NUL and broken UTF-8 in a cell, an unclosed quote, a
     * part under another name, and a broken column mapping.
     */
    private static void csvCases(Operation op, String path, List<Case> out) {
        String csv = "email,firstName\r\nada@fuzz.example,Ada\r\n";
        List<Object[]> parts = new ArrayList<>();
        parts.add(new Object[] {"a NUL in a CSV cell", csv.replace("Ada", "A\u0000da").getBytes(StandardCharsets.UTF_8)});
        parts.add(new Object[] {"broken UTF-8 in a CSV cell", concat(csv.substring(0, csv.length() - 5),
                new byte[] {(byte) 0xC3, 0x28}, "\r\n")});
        parts.add(new Object[] {"an unclosed quote", (csv + "\"bob@fuzz.example,Bob\r\n").getBytes(StandardCharsets.UTF_8)});
        parts.add(new Object[] {"a header only", "email\r\n".getBytes(StandardCharsets.UTF_8)});
        parts.add(new Object[] {"a 70000-character cell", (csv + "x".repeat(70_000) + "@fuzz.example,X\r\n")
                .getBytes(StandardCharsets.UTF_8)});
        for (Object[] p : parts) {
            out.add(new Case("multipart: " + p[0], op.method(), path, "multipart/form-data; boundary=FZ",
                    multipart("file", (byte[]) p[1]), true, List.of()));
        }
        byte[] valid = multipart("file", csv.getBytes(StandardCharsets.UTF_8));
        out.add(new Case("a truncated multipart", op.method(), path, "multipart/form-data; boundary=FZ",
                java.util.Arrays.copyOf(valid, valid.length - 12), true, List.of()));
        out.add(new Case("a multipart without a boundary", op.method(), path, "multipart/form-data", valid, true,
                List.of()));
        out.add(new Case("a multipart part named other", op.method(), path, "multipart/form-data; boundary=FZ",
                multipart("other", csv.getBytes(StandardCharsets.UTF_8)), true, List.of()));
        if (op.op().path("requestBody").path("content").has("text/csv")) {
            for (Object[] p : parts) {
                out.add(new Case("text/csv: " + p[0], op.method(), path, "text/csv", (byte[]) p[1], true, List.of()));
            }
        }
        for (JsonNode param : op.op().path("parameters")) {
            if ("mapping".equals(param.path("name").asString())) {
                for (String m : List.of("%7B%22email%22", "%5B1%5D", "%7B%22email%22%3A5%7D", "%7B%22email%22%3A%22E%00%22%7D")) {
                    out.add(new Case("mapping=" + m, op.method(), path + "?mapping=" + m,
                            "multipart/form-data; boundary=FZ", valid, true, List.of()));
                }
            }
        }
    }

    private static byte[] multipart(String name, byte[] content) {
        return concat("--FZ\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"leads.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n", content, "\r\n--FZ--\r\n");
    }

    private static byte[] concat(String head, byte[] middle, String tail) {
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[h.length + middle.length + t.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(middle, 0, out, h.length, middle.length);
        System.arraycopy(t, 0, out, h.length + middle.length, t.length);
        return out;
    }

    /** Dotted paths of every field, array elements as [0], three levels deep. */
    static List<String> fields(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (prefix.chars().filter(c -> c == '.' || c == '[').count() >= 3) {
            return out;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String p = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                out.add(p);
                out.addAll(fields(e.getValue(), p));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            out.add(prefix + "[0]");
            out.addAll(fields(node.get(0), prefix + "[0]"));
        }
        return out;
    }

    private static List<Object[]> brokenValues(String field, JsonNode v) {
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {"null", NODES.nullNode()});
        out.add(new Object[] {"an object", NODES.objectNode().put("a", 1)});
        out.add(new Object[] {"an array", NODES.arrayNode().add(1).add("x")});
        out.add(new Object[] {"a boolean", NODES.booleanNode(true)});
        out.add(new Object[] {"99999999999", NODES.numberNode(99_999_999_999L)});
        out.add(new Object[] {"-9223372036854775808", NODES.numberNode(Long.MIN_VALUE)});
        out.add(new Object[] {"a number past a long", NODES.numberNode(new java.math.BigInteger("9".repeat(30)))});
        out.add(new Object[] {"1e308", NODES.numberNode(new java.math.BigDecimal("1e308"))});
        out.add(new Object[] {"a fraction", NODES.numberNode(1.5)});
        out.add(new Object[] {"a string", NODES.stringNode("12")});
        out.add(new Object[] {"NUL in text", NODES.stringNode(text(v) + "\u0000x")});
        out.add(new Object[] {"U+0001 in text", NODES.stringNode("a\u0001" + text(v))});
        out.add(new Object[] {"ESC in text", NODES.stringNode("\u001b[31m" + text(v))});
        out.add(new Object[] {"CR LF in text", NODES.stringNode(text(v) + "\r\nX-Forged: 1")});
        out.add(new Object[] {"a lone surrogate", NODES.stringNode("a\ud800b")});
        out.add(new Object[] {"U+202E in text", NODES.stringNode("\u202e" + text(v))});
        out.add(new Object[] {"an over-long string", NODES.stringNode(text(v) + "x".repeat(200_001))});
        out.add(new Object[] {"an empty string", NODES.stringNode("")});
        if (v.isArray()) {
            ArrayNode many = NODES.arrayNode();
            for (int i = 0; i < 10_000; i++) {
                many.add(v.isEmpty() ? NODES.stringNode("x") : v.get(0));
            }
            out.add(new Object[] {"10000 copies", many});
            out.add(new Object[] {"an empty array", NODES.arrayNode()});
        }
        return out;
    }

    private static String text(JsonNode v) {
        return v != null && v.isString() ? v.asString() : "fuzz";
    }

    private static byte[] utf8Broken(String whole) {
        byte[] b = whole.getBytes(StandardCharsets.UTF_8);
        int q = whole.indexOf("\":\"");
        byte[] out = new byte[b.length + 2];
        int at = q < 0 ? 1 : q + 3;
        System.arraycopy(b, 0, out, 0, at);
        out[at] = (byte) 0xC3;
        out[at + 1] = (byte) 0x28;
        System.arraycopy(b, at, out, at + 2, b.length - at);
        return out;
    }

    /** A valid-ish instance of the schema: required and optional fields, one element per array. */
    static JsonNode instance(JsonNode doc, JsonNode schema, String name) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return instance(doc, doc.at(ref.substring(1)), name);
        }
        String type = schema.path("type").asString("object");
        switch (type) {
            case "object" -> {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
                    o.set(p.getKey(), instance(doc, p.getValue(), p.getKey()));
                }
                if (schema.path("additionalProperties").isObject()) {
                    o.set("k1", instance(doc, schema.get("additionalProperties"), "k1"));
                }
                return o;
            }
            case "array" -> {
                ArrayNode a = NODES.arrayNode();
                a.add(instance(doc, schema.path("items"), name));
                return a;
            }
            case "integer" -> {
                return NODES.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1) : 1);
            }
            case "number" -> {
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return NODES.stringNode(string(schema, name));
            }
        }
    }

    private static String string(JsonNode schema, String name) {
        String pattern = schema.path("pattern").asString("");
        if (pattern.matches("(\\(\\?i\\))?[A-Z_]+(\\|[A-Z_]+)*")) {
            return pattern.replace("(?i)", "").split("\\|")[0];
        }
        if (schema.path("enum").isArray()) {
            return schema.get("enum").get(0).asString();
        }
        if ("email".equals(schema.path("format").asString()) || name.toLowerCase().contains("email")
                || name.equals("address")) {
            return "fuzz@fuzz.example";
        }
        return switch (name) {
            case "host" -> "mail.fuzz.example";
            case "scheduleStartTime" -> "09:00";
            case "scheduleEndTime" -> "17:00";
            case "scheduleTimezone" -> "UTC";
            case "tenant" -> "fuzz.example";
            case "condition" -> "always";
            case "target", "mode" -> "PAUSED";
            case "action" -> "RETRY";
            default -> "fuzz " + name;
        };
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode n = root;
        for (String part : parts(dotted)) {
            n = part.startsWith("[") ? n.get(0) : n.get(part);
        }
        return n;
    }

    private static void put(JsonNode root, String dotted, JsonNode value) {
        List<String> parts = parts(dotted);
        JsonNode parent = at(root, String.join("", join(parts.subList(0, parts.size() - 1))));
        String last = parts.get(parts.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).set(0, value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    private static void remove(JsonNode root, String dotted) {
        List<String> parts = parts(dotted);
        JsonNode parent = at(root, String.join("", join(parts.subList(0, parts.size() - 1))));
        String last = parts.get(parts.size() - 1);
        if (last.startsWith("[")) {
            ((ArrayNode) parent).remove(0);
        } else {
            ((ObjectNode) parent).remove(last);
        }
    }

    private static List<String> parts(String dotted) {
        List<String> out = new ArrayList<>();
        for (String seg : dotted.split("\\.")) {
            if (seg.isEmpty()) {
                continue;
            }
            int b = seg.indexOf('[');
            if (b < 0) {
                out.add(seg);
            } else {
                if (b > 0) {
                    out.add(seg.substring(0, b));
                }
                out.add("[0]");
            }
        }
        return out;
    }

    private static List<String> join(List<String> parts) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = parts.iterator(); it.hasNext();) {
            String p = it.next();
            out.add(p.startsWith("[") || out.isEmpty() ? p : "." + p);
        }
        return out;
    }

    private static Iterable<Map.Entry<String, JsonNode>> queryParams(Operation op) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        for (JsonNode p : op.op().path("parameters")) {
            if ("query".equals(p.path("in").asString())) {
                out.add(Map.entry(p.get("name").asString(), p));
            }
        }
        return out;
    }

    private static String keyHeader(Operation op) {
        return op.template().startsWith("/admin/") ? "X-Admin-Token" : "X-Api-Key";
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 8) + "…(" + s.length() + ")" : s;
    }

    static byte[] bytes(JsonNode seed) {
        return JSON.writeValueAsString(seed).getBytes(StandardCharsets.UTF_8);
    }
}
