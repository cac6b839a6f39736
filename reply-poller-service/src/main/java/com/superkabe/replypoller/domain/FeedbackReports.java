package com.superkabe.replypoller.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an ARF feedback report (RFC 5965): the Feedback-Type ("abuse" when absent) and the
 * complaining recipient from Original-Rcpt-To or Removal-Recipient, when the provider left it in.
 */
public final class FeedbackReports {

    /** What a feedback report says. {@code recipient} may be null (providers often redact it). */
    public record Feedback(String feedbackType, String recipient) {
    }

    /** The start of an ARF report's fields: Feedback-Type, then (RFC 5965 §3.1) Version and User-Agent. */
    private static final Pattern FIELDS = Pattern.compile("(?im)^Feedback-Type:[ \\t]*\\S+");
    private static final Pattern REQUIRED = Pattern.compile("(?im)^(Version|User-Agent):");

    private FeedbackReports() {
    }

    /**
     * The machine-readable block of a report found inside other text (a forwarded report is one
     * {@code message/rfc822} leaf): the paragraph holding its Feedback-Type line, when that
     * paragraph also has a Version or User-Agent field.
     */
    static Optional<String> embeddedReport(String raw) {
        String text = raw.replace("\r", "");
        Matcher m = FIELDS.matcher(text);
        while (m.find()) {
            int start = text.lastIndexOf("\n\n", m.start());
            int end = text.indexOf("\n\n", m.start());
            String block = text.substring(start < 0 ? 0 : start + 2, end < 0 ? text.length() : end);
            if (REQUIRED.matcher(block).find()) {
                return Optional.of(block);
            }
        }
        return Optional.empty();
    }

    public static Feedback read(MailContent c) {
        String type = "abuse";
        String recipient = null;
        for (MailPart p : c.parts()) {
            Optional<String> block = p.mimeType().endsWith("feedback-report") ? Optional.of(p.text())
                    : embeddedReport(p.text());
            if (block.isPresent()) {
                Map<String, String> fields = DeliveryStatus.parse(block.get()).message();
                type = Optional.ofNullable(fields.get("Feedback-Type")).map(v -> v.trim().toLowerCase(Locale.ROOT))
                        .filter(v -> !v.isEmpty()).orElse(type);
                recipient = Optional.ofNullable(DeliveryStatus.address(fields.get("Original-Rcpt-To")))
                        .orElse(DeliveryStatus.address(fields.get("Removal-Recipient")));
            }
        }
        return new Feedback(type, recipient);
    }
}
