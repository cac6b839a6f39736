package com.superkabe.sendadapter.adapter.out.graph;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that follows Microsoft Graph's documented contract: a client-credentials
 * token endpoint ({@code /{tenant}/oauth2/v2.0/token}) and {@code POST /v1.0/users/{id}/sendMail} taking
 * a base64 MIME body as text/plain, answering 202 with no body, 401 without a token it issued, and the
 * documented 400 to malformed base64. Replies for a recipient can be scripted (429, 401, slow ...).
 */
public final class FakeGraph implements AutoCloseable {

    /** A scripted reply; {@code delayMillis} holds the answer back (a slow or hung service). */
    public record Reply(int status, String body, String retryAfter, long delayMillis) {
        public static Reply of(int status, String body) {
            return new Reply(status, body, null, 0);
        }
    }

    /** One accepted message: the user path it was posted to and the decoded MIME. */
    public record Received(String user, MimeMessage message) {
    }

    public final String tenant;
    public final String clientId;
    public final String clientSecret;
    private final HttpServer server;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger sendRequests = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

    public FakeGraph(String tenant, String clientId, String clientSecret) {
        this.tenant = tenant;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/" + tenant + "/oauth2/v2.0/token", this::token);
        server.createContext("/v1.0/users/", this::sendMail);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tokenUrl() {
        return baseUrl() + "/{tenant}/oauth2/v2.0/token";
    }

    /** Replies given, in order, to the next sends to this recipient before it is accepted normally. */
    public void script(String recipient, Reply... replies) {
        scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    /** Revokes every token issued so far (the next send with one of them gets 401). */
    public void revokeTokens() {
        issued.clear();
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int sendRequests() {
        return sendRequests.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedFor(String recipient) {
        return received.stream().filter(r -> {
            try {
                return r.message().getAllRecipients()[0].toString().contains(recipient);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private void token(HttpExchange x) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(read(x.getRequestBody()));
        if (!"POST".equals(x.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))
                || !"https://graph.microsoft.com/.default".equals(form.get("scope"))) {
            reply(x, 400, "{\"error\":\"invalid_request\",\"error_description\":\"bad grant or scope\"}", null);
        } else if (!clientId.equals(form.get("client_id")) || !clientSecret.equals(form.get("client_secret"))) {
            reply(x, 401, "{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client "
                    + "secret provided.\"}", null);
        } else {
            String token = "tok-" + tokenRequests.get() + "-" + System.nanoTime();
            issued.add(token);
            reply(x, 200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                    + "\"access_token\":\"" + token + "\"}", null);
        }
    }

    private void sendMail(HttpExchange x) throws IOException {
        sendRequests.incrementAndGet();
        String path = x.getRequestURI().getPath();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String body = read(x.getRequestBody());
        if (!"POST".equals(x.getRequestMethod()) || !path.endsWith("/sendMail")) {
            reply(x, 405, "", null);
            return;
        }
        if (auth == null || !auth.startsWith("Bearer ") || !issued.contains(auth.substring(7))) {
            reply(x, 401, "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token "
                    + "is empty or invalid.\"}}", null);
            return;
        }
        MimeMessage message;
        try {
            byte[] mime = Base64.getDecoder().decode(body.replaceAll("\\s", ""));
            message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
            message.getAllRecipients();
        } catch (IllegalArgumentException | jakarta.mail.MessagingException e) {
            reply(x, 400, resource("/msgraph/example4_mime.error_400.response.json"), null);
            return;
        }
        Deque<Reply> script = scripts.get(recipient(message));
        Reply scripted = script == null ? null : script.poll();
        if (scripted != null) {
            sleep(scripted.delayMillis());
            reply(x, scripted.status(), scripted.body(), scripted.retryAfter());
            return;
        }
        String user = URLDecoder.decode(path.substring("/v1.0/users/".length(), path.length() - "/sendMail"
                .length()), StandardCharsets.UTF_8);
        received.add(new Received(user, message));
        reply(x, 202, "", null);
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients() == null ? "" : ((jakarta.mail.internet.InternetAddress) m.getAllRecipients()[0])
                    .getAddress();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static void reply(HttpExchange x, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (retryAfter != null) {
            x.getResponseHeaders().add("Retry-After", retryAfter);
        }
        if (bytes.length > 0) {
            x.getResponseHeaders().add("Content-Type", "application/json");
        }
        try (x) {
            x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                x.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the client gave up (timeout tests); nothing to answer
        }
    }

    static String resource(String name) {
        try (InputStream in = FakeGraph.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> m = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                m.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return m;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
