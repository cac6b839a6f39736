package com.superkabe.sendadapter.adapter.out.graph;

import com.superkabe.sendadapter.adapter.out.api.ApiMailTransport;
import com.superkabe.sendadapter.domain.Delivery;
import java.util.Map;

/**
 * Graph's answer to {@code sendMail} in the bounce taxonomy and failure classes. 202 is the only success.
 * A recipient the service refuses is a HARD_BOUNCE carrying the RFC 3463 status it stands for (RECIPIENT,
 * read like an SMTP reply); 401/403 and an unknown or unusable sending mailbox are SENDER; other refusals
 * of the request are about this message (PERMANENT); 429 and 503 say the request was not processed
 * (TRANSIENT); any other 5xx may come from a gateway after the message was submitted (AMBIGUOUS).
 */
public final class GraphOutcomes {

    /** Graph error codes that mean the recipient, and the enhanced status each stands for. */
    private static final Map<String, String> RECIPIENT_ERRORS = Map.of(
            "ErrorInvalidRecipients", "5.1.3",
            "ErrorRecipientNotFound", "5.1.1");

    /** Graph error codes that mean the sending mailbox cannot be used. */
    private static final java.util.Set<String> UNUSABLE_MAILBOX = java.util.Set.of("ErrorInvalidUser",
            "MailboxNotEnabledForRESTAPI", "ErrorAccessDenied", "ErrorSendAsDenied");

    private GraphOutcomes() {
    }

    /** The outcome of one response; {@code code} and {@code message} come from Graph's error body, if any. */
    public static Delivery of(int status, String code, String message) {
        String detail = "graph HTTP " + status + (code == null ? "" : " " + code) + (message == null ? ""
                : ": " + message);
        if (status >= 200 && status < 300) {
            return Delivery.sent("accepted by Microsoft Graph (" + status + ")");
        }
        if (status == 400 && code != null && RECIPIENT_ERRORS.containsKey(code)) {
            return Delivery.refused(550, RECIPIENT_ERRORS.get(code) + " " + detail);
        }
        if (status == 429 || status == 503) {
            return Delivery.transientFailure(0, detail, null);
        }
        if (status >= 500) {
            return Delivery.ambiguous(detail + " (the message may have been submitted; not resent)");
        }
        if (status == 401 || status == 403) {
            return Delivery.unusableMailbox(detail + " (check the app's Mail.Send permission and secret)");
        }
        if (status == 404 || (code != null && UNUSABLE_MAILBOX.contains(code))) {
            return Delivery.unusableMailbox(detail + " (the mailbox does not exist or cannot send)");
        }
        return Delivery.unsendable(detail);
    }

    /** True if the same request may be made again at once: Graph said it did not process it. */
    public static boolean retryable(int status) {
        return ApiMailTransport.retryable(status);
    }
}
