package com.superkabe.ingestion.adapter.in.web;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.kit.web.PlainText;
import com.superkabe.kit.web.StrictJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw request bodies: size limit (413), UTF-8 and strict JSON syntax (duplicate keys and trailing
 * tokens refused), and no control character other than TAB, LF and CR in any string or property
 * name — each a 400 naming the field.
 */
final class JsonBodies {

    static final JsonMapper JSON = StrictJson.mapper();

    private JsonBodies() {
    }

    static JsonNode parse(byte[] body, long maxBytes) {
        if (body == null || body.length == 0) {
            throw ApiProblem.invalid("body", "The request body is missing");
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JacksonException e) {
            throw ApiProblem.invalid("body", "The request body is not valid JSON (UTF-8): " + e.getOriginalMessage());
        }
        PlainText.check(tree).ifPresent(v -> {
            throw ApiProblem.invalid(v.field(), v.field() + ": " + v.message());
        });
        return tree;
    }

    /**
     * An integer field in {@code min..max}: anything else — a fraction, a string, a number past an int —
     * is a 400 naming the field, never a silent truncation.
     */
    static int intIn(JsonNode node, String field, int min, int max) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min
                || node.asInt() > max) {
            throw ApiProblem.invalid(field, field + ": must be an integer from " + min + " to " + max);
        }
        return node.asInt();
    }

    static ApiProblem tooLarge(long maxBytes) {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, null, "The request body is larger than the limit of "
                + maxBytes + " bytes");
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON as the API renders it; a ProblemDetail's extra properties sit at the top level (RFC 9457). */
    static String write(Object value) {
        if (value instanceof org.springframework.http.ProblemDetail pd) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("type", com.superkabe.kit.web.ProblemTypes.of(pd).toString());
            m.put("title", pd.getTitle());
            m.put("status", pd.getStatus());
            m.put("detail", pd.getDetail());
            if (pd.getProperties() != null) {
                m.putAll(pd.getProperties());
            }
            return JSON.writeValueAsString(m);
        }
        return JSON.writeValueAsString(value);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
