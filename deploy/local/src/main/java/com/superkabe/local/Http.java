package com.superkabe.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** A small JSON-over-HTTP client for the services' public APIs: exactly what an API user would call. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Response(int status, JsonNode body, String raw) {

        boolean isSuccess() {
            return status / 100 == 2;
        }

        /** The first line of an error body: RFC 9457 problems say most in {@code detail}. */
        String problem() {
            String detail = body.path("detail").asString("");
            String title = body.path("title").asString("");
            String text = !detail.isEmpty() ? detail : !title.isEmpty() ? title : raw;
            return "HTTP " + status + (text.isEmpty() ? "" : ": " + text);
        }
    }

    Response get(String url, Map<String, String> headers) throws IOException, InterruptedException {
        return send(request(url, headers).GET().build());
    }

    Response post(String url, Map<String, String> headers, Object body) throws IOException, InterruptedException {
        String json = JSON.writeValueAsString(body);
        return send(request(url, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Response put(String url, Map<String, String> headers, Object body) throws IOException, InterruptedException {
        String json = JSON.writeValueAsString(body);
        return send(request(url, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpRequest.Builder request(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(b::header);
        return b;
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), parse(r.body()), r.body());
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException notJson) {
            return MissingNode.getInstance();
        }
    }
}
