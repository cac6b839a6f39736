package com.superkabe.replypoller.adapter.out.api;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

/**
 * What both API readers share: one HTTP client (no redirects, so a bearer token never follows one), the
 * token cache, the request timeout and the clock.
 */
public final class ProviderApi {

    final HttpClient http;
    final OAuthTokens tokens;
    final Duration timeout;
    final Clock clock;

    public ProviderApi(Duration connectTimeout, Duration requestTimeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = new OAuthTokens(http, requestTimeout, clock);
        this.timeout = requestTimeout;
        this.clock = clock;
    }

    /** A provider's API origin and OAuth2 token endpoint, both configurable so tests can run local fakes. */
    public record Endpoints(String baseUrl, String tokenUrl) {
        public Endpoints {
            baseUrl = baseUrl.strip().endsWith("/") ? baseUrl.strip().substring(0, baseUrl.strip().length() - 1)
                    : baseUrl.strip();
            tokenUrl = tokenUrl.strip();
        }
    }
}
