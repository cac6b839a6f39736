package com.superkabe.replypoller.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code superkabe.poll.*}: how often every inbox is polled, the IMAP connect and read timeouts, and
 * how many of the newest inbox messages each poll examines, and how long a reply-looking message of an API
 * inbox that matched nothing is matched again on later polls (ADR 0021); how many mailboxes are polled at
 * once, in all and per organization (ADR 0027). The connect and read timeouts bound each mailbox's poll.
 *
 * @param interval how often every inbox is polled (default 60s)
 * @param connectTimeout the IMAP connect timeout (default 10s)
 * @param readTimeout the IMAP read timeout (default 30s)
 * @param maxMessagesPerMailbox how many of the newest inbox messages each poll examines (1 to 10000, default 500)
 * @param unmatchedRetry how long an API inbox's unmatched reply-looking message is matched again on later polls (default 30m)
 * @param parallelism how many mailboxes are polled at once in all (1 to 256, default 8)
 * @param perOrganization how many mailboxes of one organization are polled at once (default 2)
 */
@Validated
@ConfigurationProperties("superkabe.poll")
public record PollProperties(
        @NotNull(message = "superkabe.poll.interval is required, e.g. 60s") @DefaultValue("60s") Duration interval,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout,
        @Min(value = 1, message = "superkabe.poll.max-messages-per-mailbox must be at least 1")
        @Max(value = 10_000, message = "superkabe.poll.max-messages-per-mailbox must be at most 10000")
        @DefaultValue("500") int maxMessagesPerMailbox,
        @NotNull @DefaultValue("30m") Duration unmatchedRetry,
        @Min(value = 1, message = "superkabe.poll.parallelism must be at least 1")
        @Max(value = 256, message = "superkabe.poll.parallelism must be at most 256")
        @DefaultValue("8") int parallelism,
        @Min(value = 1, message = "superkabe.poll.per-organization must be at least 1")
        @DefaultValue("2") int perOrganization) {

    public PollProperties {
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("superkabe.poll.interval must be positive, was " + interval);
        }
        if (unmatchedRetry != null && unmatchedRetry.isNegative()) {
            throw new IllegalArgumentException("superkabe.poll.unmatched-retry must not be negative, was "
                    + unmatchedRetry);
        }
    }
}
