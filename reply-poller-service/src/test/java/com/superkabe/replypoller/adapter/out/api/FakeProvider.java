package com.superkabe.replypoller.adapter.out.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the Gmail and Graph fakes share: a local HTTP server, an OAuth2 token endpoint that issues bearer
 * tokens only for the expected form, bearer checks on every API call, forced 429s with Retry-After and a
 * log of API requests. Not a mock: it keeps mailbox state and answers by the documented contract.
 */
abstract class FakeProvider implements AutoCloseable {

    protected final HttpServer server;
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger issued = new AtomicInteger();
    private final List<String> apiRequests = new CopyOnWriteArrayList<>();
    private volatile int throttleStatus;
    private volatile int throttleRetryAfter;
    private volatile boolean refuseEveryToken;

    FakeProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Token requests answered with a token so far. */
    int tokensIssued() {
        return issued.get();
    }

    /** API requests (method, path and query), in order. */
    List<String> apiRequests() {
        return List.copyOf(apiRequests);
    }

    /** Every token issued so far stops working, as when a user or admin revokes the grant. */
    void revokeTokens() {
        validTokens.clear();
    }

    /** Every token, even a fresh one, is refused with 401 (e.g. the grant lacks the read scope). */
    void refuseEveryToken() {
        refuseEveryToken = true;
    }

    /** The next API request is answered {@code status} (429 or 503) with this Retry-After. */
    void throttleNext(int status, int retryAfterSeconds) {
        throttleRetryAfter = retryAfterSeconds;
        throttleStatus = status;
    }

    /** True if the form is a grant this provider accepts. */
    protected abstract boolean validGrant(String path, Map<String, String> form);

    protected abstract boolean isTokenPath(String path);

    /** The 401 body in the provider's error format. */
    protected abstract String unauthorized();

    protected abstract void api(HttpExchange x, String path, Map<String, String> query) throws IOException;

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getRawPath();
            if (isTokenPath(path) && "POST".equals(x.getRequestMethod())) {
                token(x, path);
                return;
            }
            apiRequests.add(x.getRequestMethod() + " " + path
                    + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery()));
            String auth = x.getRequestHeaders().getFirst("Authorization");
            if (refuseEveryToken || auth == null || !auth.startsWith("Bearer ")
                    || !validTokens.contains(auth.substring(7))) {
                x.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                json(x, 401, unauthorized());
                return;
            }
            if (throttleStatus != 0) {
                x.getResponseHeaders().add("Retry-After", Integer.toString(throttleRetryAfter));
                int status = throttleStatus;
                throttleStatus = 0;
                json(x, status, "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}");
                return;
            }
            api(x, path, query(x.getRequestURI().getRawQuery()));
        }
    }

    private void token(HttpExchange x, String path) throws IOException {
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"application/x-www-form-urlencoded".equals(x.getRequestHeaders().getFirst("Content-Type"))
                || !validGrant(path, form)) {
            json(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}");
            return;
        }
        String token = "at-" + issued.incrementAndGet() + "-" + System.nanoTime();
        validTokens.add(token);
        json(x, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"token_type\":\"Bearer\"}");
    }

    static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            q.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    static void json(HttpExchange x, int status, String body) throws IOException {
        send(x, status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange x, int status, String contentType, byte[] body) throws IOException {
        x.getResponseHeaders().add("Content-Type", contentType);
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static <T> List<T> page(List<T> all, int from, int size) {
        return new ArrayList<>(all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
