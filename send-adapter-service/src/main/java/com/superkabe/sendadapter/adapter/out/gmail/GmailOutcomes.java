package com.superkabe.sendadapter.adapter.out.gmail;

import com.superkabe.sendadapter.domain.Delivery;
import java.util.Locale;
import java.util.Set;

/**
 * The Gmail API's answer to {@code messages.send} in the bounce taxonomy and failure classes. 200 (the
 * sent Message) is success. A 400 refusing the To header is a HARD_BOUNCE carrying 5.1.3 (RECIPIENT);
 * Google's rate limits (403 rateLimitExceeded/userRateLimitExceeded, 429) and 503 are TRANSIENT; other
 * 5xx (backendError) may follow a submission and are AMBIGUOUS; 401/403 (scope, consent, send-as alias)
 * and 404 are SENDER; any other refusal is about this message (PERMANENT).
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
            return Delivery.sent("accepted by the Gmail API (" + status + ")");
        }
        if (status == 400 && message != null && message.toLowerCase(Locale.ROOT).contains("invalid to header")) {
            return Delivery.refused(550, "5.1.3 " + detail);
        }
        if (status == 429 || status == 503 || (status == 403 && reason != null && RATE_LIMITS.contains(reason))) {
            return Delivery.transientFailure(0, detail, null);
        }
        if (status >= 500) {
            return Delivery.ambiguous(detail + " (the message may have been submitted; not resent)");
        }
        if (status == 401 || status == 403) {
            return Delivery.unusableMailbox(detail + " (check the grant's gmail.send scope and consent)");
        }
        if (status == 404) {
            return Delivery.unusableMailbox(detail + " (the mailbox does not exist)");
        }
        return Delivery.unsendable(detail);
    }
}
