package com.superkabe.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends bodies a careless or hostile client would send — over a raw socket, so malformed request
 * lines and truncated bodies go out as written — and checks the answer is a 4xx problem naming
 * the field. {@link #variants} derives, from one valid body, the NUL-bearing, wrong-typed and
 * overflowing versions of each of its fields.
 */
public final class ApiProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;

    public ApiProbe(int port) {
        this.port = port;
    }

    public static ApiProbe of(org.springframework.context.ConfigurableApplicationContext app) {
        return new ApiProbe(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    /** One response as read off the wire. */
    public record Answer(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A body to send and the field its answer must name ("body" for the document itself). */
    public record Variant(String name, String body, String field) {
    }

    public Answer send(String method, String path, String contentType, byte[] body, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: localhost\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.writeBytes(body);
        }
        return raw(out.toByteArray());
    }

    public Answer json(String method, String path, String body, String... headers) {
        return send(method, path, "application/json", utf8(body), headers);
    }

    /**
     * A JSON text as UTF-8 with every surrogate written as its JSON escape: the same document, and a lone
     * surrogate reaches the server as one ({@code getBytes} would have replaced it with '?' before sending).
     */
    public static byte[] utf8(String json) {
        StringBuilder b = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            b.append(Character.isSurrogate(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the bytes as they are and reads the answer until the server closes the connection. */
    public Answer raw(byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("raw HTTP call failed", e);
        }
    }

    private static Answer parse(byte[] bytes) {
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        assertThat(end).as("an HTTP response, got: %s", new String(bytes, StandardCharsets.UTF_8)).isPositive();
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String type = "";
        boolean chunked = false;
        for (String l : lines) {
            String lower = l.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                type = l.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        return new Answer(status, type, new String(chunked ? dechunk(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] crlf = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < in.length) {
            int eol = indexOf(in, crlf, at);
            if (eol < 0) {
                break;
            }
            String size = new String(in, at, eol - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (n == 0) {
                break;
            }
            out.write(in, eol + 2, Math.min(n, in.length - eol - 2));
            at = eol + 2 + n + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * Never a 5xx, always {@code application/problem+json}; with a field, an error names it. "body"
     * (the document itself) is also met by an error naming the field the document lacked.
     */
    public static void assertProblem(Answer a, String field, String because) {
        Checks checks = new Checks();
        checks.problem(a, field, because);
        checks.assertNone();
    }

    /** Collects every answer that is not a proper problem, so one run lists all the holes. */
    public static final class Checks {
        private final List<String> holes = new ArrayList<>();

        public void problem(Answer a, String field, String because) {
            String issue = issue(a, field);
            if (issue != null) {
                holes.add(because + " → " + a.status() + " " + a.contentType() + ": " + issue + " — "
                        + a.body().substring(0, Math.min(300, a.body().length())));
            }
        }

        public void assertNone() {
            assertThat(holes).as("answers that are not a 4xx problem naming the field").isEmpty();
        }
    }

    private static String issue(Answer a, String field) {
        if (a.status() < 400 || a.status() > 499) {
            return "not a 4xx";
        }
        if (!a.contentType().startsWith("application/problem+json")) {
            return "not problem+json";
        }
        JsonNode problem;
        try {
            problem = a.json();
        } catch (RuntimeException e) {
            return "not JSON";
        }
        if (problem.get("status") == null || problem.get("status").asInt() != a.status()) {
            return "status missing from the problem";
        }
        if (field == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        JsonNode errors = problem.get("errors");
        if (errors != null) {
            errors.forEach(e -> fields.add(e.get("field") == null ? "" : e.get("field").asString()));
        }
        boolean named = field.equals("body") ? fields.stream().anyMatch(f -> !f.isEmpty()) : fields.contains(field);
        return named ? null : "does not name " + field + " (names " + fields + ")";
    }

    /**
     * From a valid JSON object: per top-level field, a NUL (and another C0 control character) in
     * strings, the wrong JSON type, and for numbers a fraction, a string and a value past a long; for
     * the document, an array, a scalar, trailing tokens, a duplicate key and a truncation.
     */
    public static List<Variant> variants(Map<String, Object> valid) {
        List<Variant> out = new ArrayList<>();
        String whole = JSON.writeValueAsString(valid);
        out.add(new Variant("an array for the object", "[1,2]", "body"));
        out.add(new Variant("a scalar for the object", "\"x\"", "body"));
        out.add(new Variant("trailing tokens", whole + " {}", "body"));
        out.add(new Variant("a truncated document", whole.substring(0, whole.length() - 1), "body"));
        for (Map.Entry<String, Object> e : valid.entrySet()) {
            String f = e.getKey();
            Object v = e.getValue();
            if (v instanceof String s) {
                out.add(with(valid, f, "NUL in " + f, s + "\u0000x"));
                out.add(with(valid, f, "U+0001 in " + f, "a\u0001" + s));
                out.add(with(valid, f, "a number for " + f, 123));
                out.add(with(valid, f, "an object for " + f, Map.of("a", 1)));
            } else if (v instanceof Number) {
                out.add(with(valid, f, "a fraction for " + f, 1.5));
                out.add(with(valid, f, "a string for " + f, "12"));
                out.add(with(valid, f, "99999999999 for " + f, 99_999_999_999L));
                out.add(with(valid, f, "a number past a long for " + f, new java.math.BigInteger("99999999999999999999999")));
                out.add(with(valid, f, "a negative overflow for " + f, -99_999_999_999L));
            } else if (v instanceof Boolean) {
                out.add(with(valid, f, "a string for " + f, "true"));
                out.add(with(valid, f, "a number for " + f, 1));
            } else if (v instanceof Map<?, ?>) {
                out.add(with(valid, f, "an array for " + f, List.of(1, 2)));
                out.add(with(valid, f, "a string for " + f, "x"));
            } else if (v instanceof List<?>) {
                out.add(with(valid, f, "an object for " + f, Map.of("a", 1)));
                out.add(with(valid, f, "a number for " + f, 7));
            }
        }
        return out;
    }

    private static Variant with(Map<String, Object> valid, String field, String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(valid);
        copy.put(field, value);
        return new Variant(name, JSON.writeValueAsString(copy), field);
    }
}
