package com.superkabe.sendadapter.adapter.out.graph;

import com.superkabe.sendadapter.adapter.out.api.ApiMailTransport;
import com.superkabe.sendadapter.domain.Delivery;
import java.util.Map;

/**
 * Graph's answer to {@code sendMail} in the bounce taxonomy. 202 is the only success. A recipient the
 * service refuses is a HARD_BOUNCE carrying the RFC 3463 status it stands for (so the protection layer
 * reads it like an SMTP reply); every other refusal of the request is CONFIGURATION (the mailbox, app
 * or message is wrong; retrying changes nothing); 429 and 503 say the request was not processed
 * (TRANSIENT); any other 5xx may come from a gateway after the message was submitted (AMBIGUOUS).
 */
public final class GraphOutcomes {

    /** Graph error codes that mean the recipient, and the enhanced status each stands for. */
    private static final Map<String, String> RECIPIENT_ERRORS = Map.of(
            "ErrorInvalidRecipients", "5.1.3",
            "ErrorRecipientNotFound", "5.1.1");

    private GraphOutcomes() {
    }

    /** The outcome of one response; {@code code} and {@code message} come from Graph's error body, if any. */
    public static Delivery of(int status, String code, String message) {
        String detail = "graph HTTP " + status + (code == null ? "" : " " + code) + (message == null ? ""
                : ": " + message);
        if (status >= 200 && status < 300) {
            return new Delivery("SENT", 250, "accepted by Microsoft Graph (" + status + ")");
        }
        if (status == 400 && code != null && RECIPIENT_ERRORS.containsKey(code)) {
            return new Delivery("HARD_BOUNCE", 550, RECIPIENT_ERRORS.get(code) + " " + detail);
        }
        if (status == 429 || status == 503) {
            return new Delivery("TRANSIENT", 0, detail);
        }
        if (status >= 500) {
            return new Delivery("AMBIGUOUS", 0, detail + " (the message may have been submitted; not resent)");
        }
        if (status == 401 || status == 403) {
            return new Delivery("CONFIGURATION", 0, detail + " (check the app's Mail.Send permission and secret)");
        }
        return new Delivery("CONFIGURATION", 0, detail);
    }

    /** True if the same request may be made again at once: Graph said it did not process it. */
    public static boolean retryable(int status) {
        return ApiMailTransport.retryable(status);
    }
}
