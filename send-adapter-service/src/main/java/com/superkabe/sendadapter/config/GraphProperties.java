package com.superkabe.sendadapter.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Microsoft Graph ({@code superkabe.providers.graph.*}): {@code baseUrl} is the API origin,
 * {@code tokenUrl} the OAuth2 token endpoint with a {@code {tenant}} placeholder. A 429/503 is retried
 * in place at most {@code maxAttempts} times in all, and only when its Retry-After is no longer than
 * {@code maxRetryWait}: the wait holds the mailbox's partition.
 * {@code sendsPerMinute} paces each mailbox (default 30, the provider's documented per-mailbox rate).
 *
 * @param baseUrl the API origin
 * @param tokenUrl the OAuth2 token endpoint (with a {tenant} placeholder)
 * @param connectTimeout the connect timeout (default 10s)
 * @param requestTimeout the timeout of one request (default 30s)
 * @param maxRetryWait the longest Retry-After of a 429/503 that is waited out in place (default 10s)
 * @param maxAttempts attempts in all for a 429/503 (default 3)
 * @param sendsPerMinute the sends per minute each mailbox is paced to (default 30)
 */
@Validated
@ConfigurationProperties("superkabe.providers.graph")
public record GraphProperties(String baseUrl, String tokenUrl, @DurationMin(millis = 1) Duration connectTimeout,
                              @DurationMin(millis = 1) Duration requestTimeout, @DurationMin(millis = 0) Duration maxRetryWait,
                              Integer maxAttempts, Integer sendsPerMinute) {
    public GraphProperties {
        baseUrl = strip(baseUrl == null || baseUrl.isBlank() ? "https://graph.microsoft.com" : baseUrl);
        tokenUrl = tokenUrl == null || tokenUrl.isBlank()
                ? "https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token" : tokenUrl.strip();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(10) : maxRetryWait;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 3 : maxAttempts;
        sendsPerMinute = sendsPerMinute == null || sendsPerMinute < 1 ? 30 : sendsPerMinute;
    }

    private static String strip(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
