package com.superkabe.sendadapter.adapter.out.api;

import com.superkabe.sendadapter.adapter.out.Pacer;
import com.superkabe.sendadapter.adapter.out.mime.MimeComposer;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.OutgoingEmail;
import com.superkabe.sendadapter.application.SentCopies;
import com.superkabe.sendadapter.domain.Delivery;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivery of the engine's RFC 5322 message through an HTTP mail API with an OAuth2 bearer token. A
 * 401 (nothing sent) is retried once with a fresh token; a 429/503 (not processed) is retried in place
 * when its Retry-After is short; an error after the request went out without an answer is AMBIGUOUS and
 * never retried (ADR 0007). A 401 with a fresh token refuses the mailbox's credentials. Sends are paced
 * per mailbox. Subclasses say how to get a token, build the request and read a refusal.
 */
public abstract class ApiMailTransport implements MailTransport, SentCopies {

    protected final HttpClient http;
    protected final OAuthTokens tokens;
    private final Duration requestTimeout;
    private final Duration maxRetryWait;
    private final int maxAttempts;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    private final Pacer pacer;

    protected ApiMailTransport(Duration connectTimeout, Duration requestTimeout, Duration maxRetryWait,
                               int maxAttempts, int sendsPerMinute, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = new OAuthTokens(http, requestTimeout, clock);
        this.requestTimeout = requestTimeout;
        this.maxRetryWait = maxRetryWait;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
        this.pacer = new Pacer(sendsPerMinute);
    }

    /** The API's name, for details. */
    protected abstract String api();

    /** Why this mailbox cannot use the API, or null. */
    protected abstract String missingCredentials(Mailbox mailbox);

    /** The cache key of the mailbox's token. */
    protected abstract String tokenKey(Mailbox mailbox);

    /** Fetches a new token (the cache missed). */
    protected abstract OAuthTokens.Token fetchToken(Mailbox mailbox);

    /** The send request, without timeout and Authorization. */
    protected abstract HttpRequest.Builder request(Mailbox mailbox, byte[] mime);

    /** The outcome of a response; {@code error} is the body's {@code error} object, or a missing node. */
    protected abstract Delivery outcome(int status, JsonNode error);

    /** The request that lists sent messages with this Message-ID, without timeout and Authorization. */
    protected abstract HttpRequest.Builder sentSearch(Mailbox mailbox, String messageId);

    /** The messages a search answered with. */
    protected abstract JsonNode sentResults(JsonNode answer);

    /** Looks for the message among the mailbox's sent messages with the API's search (for reconciliation). */
    @Override
    public Lookup find(Mailbox mailbox, String messageId) {
        if (missingCredentials(mailbox) != null) {
            return Lookup.UNAVAILABLE;
        }
        OAuthTokens.Token token = tokens.cached(tokenKey(mailbox)).map(t -> new OAuthTokens.Token(t, null))
                .orElseGet(() -> fetchToken(mailbox));
        if (token.failure() != null) {
            return Lookup.FAILED;
        }
        try {
            HttpResponse<String> r = http.send(sentSearch(mailbox, messageId).timeout(requestTimeout)
                    .header("Authorization", "Bearer " + token.value()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return Lookup.FAILED;
            }
            JsonNode results = sentResults(json.readTree(r.body()));
            return results.isArray() && !results.isEmpty() ? Lookup.FOUND : Lookup.NOT_FOUND;
        } catch (IOException | JacksonException e) {
            return Lookup.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Lookup.FAILED;
        }
    }

    /** True if the API said it did not process the request, so it may be made again at once. */
    public static boolean retryable(int status) {
        return status == 429 || status == 503;
    }

    /** An API has no connection to hold: each message is its own request, paced per mailbox. */
    @Override
    public Connection open(Mailbox mailbox) {
        return new Connection() {
            @Override
            public Delivery deliver(OutgoingEmail email) {
                return send(mailbox, email);
            }

            @Override
            public void close() {
            }
        };
    }

    private Delivery send(Mailbox mailbox, OutgoingEmail email) {
        try {
            return sendOrThrow(mailbox, email);
        } catch (RuntimeException e) {
            // not from the request itself (post() answers for that): nothing was sent
            return Delivery.transientFailure(0, "could not send through " + api() + ": " + e, null);
        }
    }

    private Delivery sendOrThrow(Mailbox mailbox, OutgoingEmail email) {
        String missing = missingCredentials(mailbox);
        if (missing != null) {
            return Delivery.unusableMailbox(missing);
        }
        byte[] mime;
        try {
            mime = MimeComposer.bytes(email, clock.instant());
        } catch (MessagingException | IOException e) {
            return Delivery.unsendable("message could not be composed: " + e.getMessage());
        }
        if (!pacer.await(mailbox.mailboxId())) {
            return Delivery.transientFailure(0, "interrupted while pacing " + api() + " sends", null);
        }
        boolean refreshed = false;
        for (int attempt = 1; ; attempt++) {
            OAuthTokens.Token token = tokens.cached(tokenKey(mailbox)).map(t -> new OAuthTokens.Token(t, null))
                    .orElseGet(() -> fetchToken(mailbox));
            if (token.failure() != null) {
                return token.failure();
            }
            Attempt a = post(request(mailbox, mime).timeout(requestTimeout)
                    .header("Authorization", "Bearer " + token.value()).build());
            if (a.delivery() != null) {
                return a.delivery();
            }
            if (a.status() == 401 && !refreshed) {
                // a cached token may have been revoked; a 401 means nothing was sent, so one fresh try is safe
                tokens.forget(tokenKey(mailbox));
                refreshed = true;
                attempt--;
                continue;
            }
            Delivery outcome = outcome(a.status(), a.error());
            if (a.status() == 401) {
                // refused even with a token fetched just now: the grant no longer works for this mailbox
                return Delivery.credentialsRefused(0, outcome.detail());
            }
            if (!retryable(a.status()) || attempt >= maxAttempts || a.retryAfter().compareTo(maxRetryWait) > 0) {
                return a.retryAfter().isZero() ? outcome : outcome.withRetryAfter(a.retryAfter().toSeconds())
                        .withDetail(outcome.detail() + " (Retry-After " + a.retryAfter().toSeconds() + "s)");
            }
            if (!sleep(a.retryAfter())) {
                return Delivery.transientFailure(0, "interrupted while waiting to retry: " + outcome.detail(), null);
            }
        }
    }

    /** One response, or the outcome when there was none. */
    private record Attempt(int status, JsonNode error, Duration retryAfter, Delivery delivery) {
    }

    private Attempt post(HttpRequest request) {
        HttpResponse<String> r;
        try {
            r = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return new Attempt(0, null, Duration.ZERO, Delivery.transientFailure(0, "could not connect to "
                    + api() + ": " + e, null));
        } catch (IOException e) {
            // the request may have reached the API and been submitted before the answer was lost
            return new Attempt(0, null, Duration.ZERO, Delivery.ambiguous("no answer from " + api()
                    + " after sending: " + e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(0, null, Duration.ZERO, Delivery.ambiguous("interrupted while waiting for "
                    + api()));
        } catch (RuntimeException e) {
            // the client broke down somewhere in the exchange: the request may have been submitted
            return new Attempt(0, null, Duration.ZERO, Delivery.ambiguous("the HTTP client failed while sending to "
                    + api() + ": " + e));
        }
        return new Attempt(r.statusCode(), error(r.body()), RetryAfter.parse(r.headers().firstValue("Retry-After")
                .orElse(null), clock.instant()), null);
    }

    private JsonNode error(String body) {
        try {
            return json.readTree(body == null || body.isBlank() ? "{}" : body).path("error");
        } catch (JacksonException e) {
            return json.createObjectNode().path("error");
        }
    }

    private static boolean sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A text field of an error object, or null. */
    protected static String text(JsonNode node, String field) {
        return node == null || !node.path(field).isString() ? null : node.path(field).asString();
    }
}
