package com.superkabe.sendadapter.adapter.out.gmail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server on loopback following the documented Gmail contract (src/test/resources/gmail):
 * Google's token endpoint (refresh-token grant) and {@code POST /gmail/v1/users/me/messages/send} taking a
 * Message whose {@code raw} is the base64url RFC 2822 message; 200 with the sent Message, 401 without an
 * issued token, 400 to an unreadable body. Replies for a recipient can be scripted.
 */
public final class FakeGmail implements AutoCloseable {

    /** A scripted reply. */
    public record Reply(int status, String body, String retryAfter) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode CONTRACT = JSON.readTree(resource("/gmail/gmail_users_messages_send.format.json"));

    public final String clientId;
    public final String clientSecret;
    public final String refreshToken;
    private final HttpServer server;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger sendRequests = new AtomicInteger();
    private final List<MimeMessage> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new ConcurrentHashMap<>();

    public FakeGmail(String clientId, String clientSecret, String refreshToken) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/token", this::token);
        String documented = URI.create(CONTRACT.path("http").path("metadata_uri").asString().split(" ")[1]
                .replace("{userId}", "me")).getPath();
        server.createContext(documented, this::send);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String tokenUrl() {
        return baseUrl() + "/token";
    }

    public void script(String recipient, Reply... replies) {
        scripts.computeIfAbsent(recipient, r -> new ArrayDeque<>()).addAll(List.of(replies));
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int sendRequests() {
        return sendRequests.get();
    }

    public List<MimeMessage> receivedFor(String recipient) {
        return received.stream().filter(m -> recipient.equals(recipient(m))).toList();
    }

    private void token(HttpExchange x) throws IOException {
        tokenRequests.incrementAndGet();
        Map<String, String> form = form(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!"refresh_token".equals(form.get("grant_type")) || !clientId.equals(form.get("client_id"))
                || !clientSecret.equals(form.get("client_secret"))) {
            reply(x, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Unauthorized\"}", null);
        } else if (!refreshToken.equals(form.get("refresh_token"))) {
            reply(x, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Token has been expired or "
                    + "revoked.\"}", null);
        } else {
            String token = "ya29.fake-" + tokenRequests.get();
            issued.add(token);
            reply(x, 200, "{\"access_token\":\"" + token + "\",\"expires_in\":3599,\"scope\":"
                    + "\"https://www.googleapis.com/auth/gmail.send\",\"token_type\":\"Bearer\"}", null);
        }
    }

    private void send(HttpExchange x) throws IOException {
        sendRequests.incrementAndGet();
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (auth == null || !issued.contains(auth.replaceFirst("^Bearer ", ""))) {
            reply(x, 401, error(401, "Request had invalid authentication credentials.", "authError",
                    "UNAUTHENTICATED"), null);
            return;
        }
        MimeMessage message;
        try {
            JsonNode request = JSON.readTree(body);
            Set<String> allowed = new HashSet<>(CONTRACT.path("Message_json_representation").propertyNames());
            if (!request.path("raw").isString() || !allowed.containsAll(request.propertyNames())) {
                throw new IllegalArgumentException("not a Message with raw");
            }
            byte[] mime = Base64.getUrlDecoder().decode(request.path("raw").asString());
            message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mime));
            message.getAllRecipients();
        } catch (RuntimeException | jakarta.mail.MessagingException e) {
            reply(x, 400, error(400, "Invalid value at 'message.raw'", "invalidArgument", "INVALID_ARGUMENT"), null);
            return;
        }
        Deque<Reply> script = scripts.get(recipient(message));
        Reply scripted = script == null ? null : script.poll();
        if (scripted != null) {
            reply(x, scripted.status(), scripted.body(), scripted.retryAfter());
            return;
        }
        received.add(message);
        reply(x, 200, "{\"id\":\"18c" + received.size() + "\",\"threadId\":\"18c" + received.size()
                + "\",\"labelIds\":[\"SENT\"]}", null);
    }

    static String error(int code, String message, String reason, String status) {
        return "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"errors\":[{\"message\":\""
                + message + "\",\"domain\":\"global\",\"reason\":\"" + reason + "\"}],\"status\":\"" + status + "\"}}";
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients() == null ? "" : ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    private static void reply(HttpExchange x, int status, String body, String retryAfter) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (retryAfter != null) {
            x.getResponseHeaders().add("Retry-After", retryAfter);
        }
        x.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
        try (x) {
            x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                x.getResponseBody().write(bytes);
            }
        }
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

    private static String resource(String name) {
        try (InputStream in = FakeGmail.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
