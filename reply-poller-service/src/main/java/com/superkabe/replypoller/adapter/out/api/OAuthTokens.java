package com.superkabe.replypoller.adapter.out.api;

import com.superkabe.replypoller.application.MailReader.MailboxUnreachable;
import com.superkabe.replypoller.application.MailReader.MailboxUnreachable.Kind;
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
import tools.jackson.databind.JsonNode;

/**
 * OAuth2 access tokens from a token endpoint (RFC 6749 form POST), cached per credential until a minute
 * before they expire. Failure details name the endpoint's {@code error} code, never a secret.
 */
final class OAuthTokens {

    private static final Duration MARGIN = Duration.ofSeconds(60);

    private record Cached(String value, Instant expires) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    OAuthTokens(HttpClient http, Duration timeout, Clock clock) {
        this.http = http;
        this.timeout = timeout;
        this.clock = clock;
    }

    Optional<String> cached(String key) {
        Cached c = cache.get(key);
        return c != null && clock.instant().isBefore(c.expires()) ? Optional.of(c.value()) : Optional.empty();
    }

    void forget(String key) {
        cache.remove(key);
    }

    String fetch(String key, URI tokenUri, Map<String, String> form) throws MailboxUnreachable {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(tokenUri).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new MailboxUnreachable(Kind.CONNECTION, "token endpoint " + tokenUri.getHost() + " unreachable: "
                    + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxUnreachable(Kind.CONNECTION, "interrupted while fetching a token", e);
        }
        JsonNode answer = Json.parse(r.body());
        if (r.statusCode() == 200 && answer.path("access_token").isString()) {
            String value = answer.path("access_token").asString();
            long lifetime = answer.path("expires_in").asLong(0);
            cache.put(key, new Cached(value, clock.instant().plusSeconds(lifetime).minus(MARGIN)));
            return value;
        }
        String detail = ("token endpoint HTTP " + r.statusCode() + " " + answer.path("error").asString("")).strip();
        if (r.statusCode() == 429 || r.statusCode() == 503) {
            throw new MailboxUnreachable(Kind.THROTTLED, detail, null, RetryAfter.of(r));
        }
        throw new MailboxUnreachable(r.statusCode() >= 500 ? Kind.CONNECTION : Kind.CREDENTIALS, detail, null);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
