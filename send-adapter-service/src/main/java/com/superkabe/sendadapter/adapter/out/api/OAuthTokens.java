package com.superkabe.sendadapter.adapter.out.api;

import com.superkabe.sendadapter.domain.Delivery;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * OAuth2 access tokens from a token endpoint (RFC 6749 form POST), cached per credential until a minute
 * before they expire. No send has happened when a token is fetched, so every failure here is TRANSIENT
 * (endpoint unreachable, 429, 5xx, another refusal), refused credentials (only invalid_grant, invalid_client,
 * unauthorized_client: SENDER, the mailbox is disconnected) or a missing endpoint (404: CONFIGURATION),
 * never AMBIGUOUS.
 */
public final class OAuthTokens {

    /** A bearer token, or why there is none. */
    public record Token(String value, Delivery failure) {
        public static Token failed(Delivery failure) {
            return new Token(null, failure);
        }
    }

    private record Cached(String value, Instant expires) {
    }

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public OAuthTokens(HttpClient http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    public Optional<String> cached(String key) {
        Cached c = cache.get(key);
        return c != null && clock.instant().isBefore(c.expires()) ? Optional.of(c.value()) : Optional.empty();
    }

    /** Forgets a token the API refused, so the next call fetches a new one. */
    public void forget(String key) {
        cache.remove(key);
    }

    public Token fetch(String key, URI tokenUri, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(tokenUri).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return Token.failed(Delivery.transientFailure(0, "token endpoint unreachable: " + e, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Token.failed(Delivery.transientFailure(0, "interrupted while fetching a token", null));
        }
        JsonNode answer = parse(r.body());
        if (r.statusCode() == 200 && answer.path("access_token").isString()) {
            String value = answer.path("access_token").asString();
            cache.put(key, new Cached(value, clock.instant().plusSeconds(answer.path("expires_in").asLong(0))
                    .minus(MARGIN)));
            return new Token(value, null);
        }
        String detail = ("token endpoint HTTP " + r.statusCode() + " " + answer.path("error").asString("") + " "
                + answer.path("error_description").asString("")).strip();
        String error = answer.path("error").asString("");
        if (REFUSED_CREDENTIALS.contains(error)) {
            // consent revoked, refresh token expired, secret expired or app not allowed: the mailbox's
            // credentials no longer work until an operator replaces them
            return Token.failed(Delivery.credentialsRefused(0, detail));
        }
        if (r.statusCode() == 404) {
            return Token.failed(Delivery.unusableMailbox(detail + ": no token endpoint at " + tokenUri
                    + " (check the provider's token-url)"));
        }
        // 429, 5xx, and any other refusal (invalid_request, a proxy's 4xx ...) says nothing against the
        // credentials: nothing was sent, and the mailbox stays connected
        return Token.failed(Delivery.transientFailure(0, detail, null));
    }

    /** The RFC 6749 §5.2 errors that refuse the credentials themselves. */
    private static final java.util.Set<String> REFUSED_CREDENTIALS = java.util.Set.of("invalid_grant",
            "invalid_client", "unauthorized_client");

    private JsonNode parse(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
