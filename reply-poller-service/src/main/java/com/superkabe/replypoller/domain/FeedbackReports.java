package com.superkabe.replypoller.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an ARF feedback report (RFC 5965): the Feedback-Type ("abuse" when absent) and the
 * complaining recipient from Original-Rcpt-To or Removal-Recipient, when the provider left it in.
 */
public final class FeedbackReports {

    /** What a feedback report says. {@code recipient} may be null (providers often redact it). */
    public record Feedback(String feedbackType, String recipient) {
    }

    private FeedbackReports() {
    }

    public static Feedback read(MailContent c) {
        String type = "abuse";
        String recipient = null;
        for (MailPart p : c.parts()) {
            if (p.mimeType().endsWith("feedback-report")) {
                Map<String, String> fields = DeliveryStatus.parse(p.text()).message();
                type = Optional.ofNullable(fields.get("Feedback-Type")).map(v -> v.trim().toLowerCase(Locale.ROOT))
                        .filter(v -> !v.isEmpty()).orElse(type);
                recipient = Optional.ofNullable(DeliveryStatus.address(fields.get("Original-Rcpt-To")))
                        .orElse(DeliveryStatus.address(fields.get("Removal-Recipient")));
            }
        }
        return new Feedback(type, recipient);
    }
}
