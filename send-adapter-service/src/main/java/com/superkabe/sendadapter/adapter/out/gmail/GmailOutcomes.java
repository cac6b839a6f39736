package com.superkabe.sendadapter.adapter.out.gmail;

import com.superkabe.sendadapter.domain.Delivery;
import java.util.Locale;
import java.util.Set;

/**
 * The Gmail API's answer to {@code messages.send} in the bounce taxonomy. 200 (the sent Message) is
 * success. A 400 refusing the To header is a HARD_BOUNCE carrying 5.1.3 (bad address syntax); Google's
 * rate limits (403 rateLimitExceeded/userRateLimitExceeded, 429) and 503 are TRANSIENT; other 5xx
 * (backendError) may follow a submission and are AMBIGUOUS; every other refusal is CONFIGURATION
 * (scope, consent, send-as alias, message).
 */
public final class GmailOutcomes {

    private static final Set<String> RATE_LIMITS = Set.of("rateLimitExceeded", "userRateLimitExceeded",
            "dailyLimitExceeded");

    private GmailOutcomes() {
    }

    /** {@code reason} is {@code error.errors[0].reason}, {@code message} is {@code error.message}. */
    public static Delivery of(int status, String reason, String message) {
        String detail = "gmail HTTP " + status + (reason == null ? "" : " " + reason) + (message == null ? ""
                : ": " + message);
        if (status >= 200 && status < 300) {
            return new Delivery("SENT", 250, "accepted by the Gmail API (" + status + ")");
        }
        if (status == 400 && message != null && message.toLowerCase(Locale.ROOT).contains("invalid to header")) {
            return new Delivery("HARD_BOUNCE", 550, "5.1.3 " + detail);
        }
        if (status == 429 || status == 503 || (status == 403 && reason != null && RATE_LIMITS.contains(reason))) {
            return new Delivery("TRANSIENT", 0, detail);
        }
        if (status >= 500) {
            return new Delivery("AMBIGUOUS", 0, detail + " (the message may have been submitted; not resent)");
        }
        if (status == 401 || status == 403) {
            return new Delivery("CONFIGURATION", 0, detail + " (check the grant's gmail.send scope and consent)");
        }
        return new Delivery("CONFIGURATION", 0, detail);
    }
}
