package com.superkabe.replypoller.adapter.out.api;

import com.superkabe.replypoller.application.MailReader.MailboxUnreachable;
import com.superkabe.replypoller.application.MailReader.MailboxUnreachable.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The GET requests of one mailbox's poll with its bearer token. A 401 is retried once with a freshly
 * fetched token (a cached one may have been revoked); a second 401 gives up on the mailbox until the next
 * poll. 429 and 503 are THROTTLED with the Retry-After; other 5xx and I/O errors are CONNECTION; other
 * refusals PROTOCOL, unless the caller handles the status itself (Gmail's 404, Graph's 410).
 */
final class ApiSession {

    /** Where a mailbox's tokens come from. */
    interface TokenSource {
        /** A token; {@code fresh} skips the cache. */
        String token(boolean fresh) throws MailboxUnreachable;
    }

    /** An answer the caller reads: 2xx or a status it asked to handle. */
    record Response(int status, byte[] body) {
        JsonNode json() {
            return Json.parse(new String(body, StandardCharsets.UTF_8));
        }
    }

    private final String api;
    private final HttpClient http;
    private final Duration timeout;
    private final TokenSource tokens;

    ApiSession(String api, HttpClient http, Duration timeout, TokenSource tokens) {
        this.api = api;
        this.http = http;
        this.timeout = timeout;
        this.tokens = tokens;
    }

    Response get(URI uri, Set<Integer> handled, String... headers) throws MailboxUnreachable {
        HttpResponse<byte[]> r = send(uri, tokens.token(false), headers);
        if (r.statusCode() == 401) {
            r = send(uri, tokens.token(true), headers);
            if (r.statusCode() == 401) {
                throw new MailboxUnreachable(Kind.AUTHENTICATION, api + " refused a freshly fetched token "
                        + "(HTTP 401" + code(r) + "); giving up on this mailbox until the next poll", null);
            }
        }
        int status = r.statusCode();
        if (status / 100 == 2 || handled.contains(status)) {
            return new Response(status, r.body());
        }
        if (status == 429 || status == 503) {
            Duration wait = RetryAfter.of(r);
            throw new MailboxUnreachable(Kind.THROTTLED, api + " HTTP " + status + code(r) + ", Retry-After "
                    + wait.toSeconds() + "s: not asked again before then", null, wait);
        }
        throw new MailboxUnreachable(status >= 500 ? Kind.CONNECTION : Kind.PROTOCOL,
                api + " HTTP " + status + code(r) + " for " + uri.getPath(), null);
    }

    private HttpResponse<byte[]> send(URI uri, String token, String... headers) throws MailboxUnreachable {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                .header("Authorization", "Bearer " + token);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new MailboxUnreachable(Kind.CONNECTION, api + " unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxUnreachable(Kind.CONNECTION, "interrupted while reading " + api, e);
        }
    }

    /** The provider's error code (Gmail {@code error.status}, Graph {@code error.code}), for the log line. */
    static String code(HttpResponse<byte[]> r) {
        JsonNode error = Json.parse(new String(r.body(), StandardCharsets.UTF_8)).path("error");
        String code = error.path("status").isString() ? error.path("status").asString()
                : error.path("code").isString() ? error.path("code").asString() : null;
        return code == null ? "" : " " + code;
    }
}
