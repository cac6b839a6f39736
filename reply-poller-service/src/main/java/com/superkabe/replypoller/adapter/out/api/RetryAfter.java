package com.superkabe.replypoller.adapter.out.api;

import java.net.http.HttpResponse;
import java.time.Duration;

/** The Retry-After of a 429/503 in delta-seconds (both providers send seconds); absent means the next poll. */
final class RetryAfter {

    private static final Duration MAX = Duration.ofHours(1);

    private RetryAfter() {
    }

    static Duration of(HttpResponse<?> r) {
        try {
            long seconds = Long.parseLong(r.headers().firstValue("Retry-After").orElse("0").strip());
            Duration d = Duration.ofSeconds(Math.max(0, seconds));
            return d.compareTo(MAX) > 0 ? MAX : d;
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
