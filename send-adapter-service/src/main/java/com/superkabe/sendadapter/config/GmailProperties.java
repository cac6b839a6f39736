package com.superkabe.sendadapter.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * The Gmail API ({@code superkabe.providers.gmail.*}): {@code baseUrl} is the API origin, {@code tokenUrl}
 * Google's OAuth2 token endpoint (refresh-token grant). Retries of 429/503 as for Graph.
 * {@code sendsPerMinute} paces each mailbox (default 150, the provider's documented per-mailbox rate).
 *
 * @param baseUrl the API origin
 * @param tokenUrl the OAuth2 token endpoint
 * @param connectTimeout the connect timeout (default 10s)
 * @param requestTimeout the timeout of one request (default 30s)
 * @param maxRetryWait the longest Retry-After of a 429/503 that is waited out in place (default 10s)
 * @param maxAttempts attempts in all for a 429/503 (default 3)
 * @param sendsPerMinute the sends per minute each mailbox is paced to (default 150)
 */
@Validated
@ConfigurationProperties("superkabe.providers.gmail")
public record GmailProperties(String baseUrl, String tokenUrl, @DurationMin(millis = 1) Duration connectTimeout,
                              @DurationMin(millis = 1) Duration requestTimeout, @DurationMin(millis = 0) Duration maxRetryWait,
                              Integer maxAttempts, Integer sendsPerMinute) {
    public GmailProperties {
        baseUrl = strip(baseUrl == null || baseUrl.isBlank() ? "https://gmail.googleapis.com" : baseUrl);
        tokenUrl = tokenUrl == null || tokenUrl.isBlank() ? "https://oauth2.googleapis.com/token" : tokenUrl.strip();
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        maxRetryWait = maxRetryWait == null ? Duration.ofSeconds(10) : maxRetryWait;
        maxAttempts = maxAttempts == null || maxAttempts < 1 ? 3 : maxAttempts;
        sendsPerMinute = sendsPerMinute == null || sendsPerMinute < 1 ? 150 : sendsPerMinute;
    }

    private static String strip(String url) {
        String s = url.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
