package com.superkabe.events.send;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whose problem a failed send attempt is, which decides what the sequencer does with the run
 * (ADR 0019). TRANSIENT: try again later (4xx, no connection before DATA, provider 429/503) with
 * bounded backoff. SENDER: the sending mailbox or domain is refused (5.7.x policy, reputation or
 * authentication, SMTP AUTH failure, revoked OAuth grant, unusable mailbox) — not the lead's fault,
 * the step goes back to routing. RECIPIENT: the address cannot receive (5.1.x, 5.2.1, unknown host) —
 * the run ends BOUNCED and the address is suppressed. AMBIGUOUS: the message may have been accepted
 * (connection lost after DATA) and was not found by reconciliation — never resent blindly.
 * PERMANENT: any other permanent refusal of this message (size, content, protocol) — unrecoverable.
 */
public enum SendFailureClass {
    TRANSIENT, SENDER, RECIPIENT, AMBIGUOUS, PERMANENT;

    private static final Pattern SENDER_STATUS = Pattern.compile(
            "^\\s*(?:smtp;\\s*)?(?:[245]\\d\\d[\\s-]+)?#?[45]\\.7\\.\\d{1,3}\\b");
    private static final Pattern SENDER_ADDRESS_STATUS = Pattern.compile(
            "^\\s*(?:smtp;\\s*)?(?:[245]\\d\\d[\\s-]+)?#?5\\.1\\.[78]\\b");

    /**
     * The class of a failure reported without one (events written before the class existed, or a
     * transport that only knows the SMTP reply): from the legacy {@code kind}, the reply code and
     * the enhanced status at the head of the reply text.
     */
    public static SendFailureClass infer(String kind, int smtpCode, String detail) {
        String k = kind == null ? "" : kind.toUpperCase(Locale.ROOT);
        String text = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "TRANSIENT" -> TRANSIENT;
            case "AMBIGUOUS" -> AMBIGUOUS;
            case "CONFIGURATION", "SENDER", "AUTH" -> SENDER;
            case "HARD_BOUNCE", "PERMANENT", "RECIPIENT" -> ofPermanent(smtpCode, text);
            default -> smtpCode >= 400 && smtpCode < 500 ? TRANSIENT : smtpCode >= 500 ? ofPermanent(smtpCode, text)
                    : PERMANENT;
        };
    }

    /** A 5xx reply: the recipient's, the sender's, or this message's problem. */
    public static SendFailureClass ofPermanent(int smtpCode, String detail) {
        String text = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        if (RecipientFailure.addressCannotReceive(smtpCode, text)) {
            return RECIPIENT;
        }
        if (SENDER_STATUS.matcher(text).find() || SENDER_ADDRESS_STATUS.matcher(text).find() || smtpCode == 535
                || smtpCode == 530) {
            return SENDER;
        }
        return PERMANENT;
    }

    /** Whether a failure of this class is held against the sending mailbox rather than the lead. */
    public boolean sendersFault() {
        return this == SENDER;
    }
}
