package com.superkabe.protection.domain;

import com.superkabe.events.reply.BounceReason;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.SendOutcome;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which bounces count down a mailbox (ADR 0010). A permanent failure counts whether the recipient
 * does not exist (5.1.x, 5.2.x: list quality, which burns the sender) or the receiver blocks the
 * sender (5.7.x policy, spam, DNSBL, DMARC: the mailbox's reputation). It does not count when the
 * enhanced status says the fault is the platform's own message or protocol (5.3.4 size, 5.5.x
 * syntax, 5.6.x content encoding, 5.7.0/5.7.8/5.7.9 our authentication) — that is a
 * configuration problem, not reputation. TRANSIENT, AMBIGUOUS and CONFIGURATION never count and
 * never enter the window. Asynchronous bounces (DSNs from the reply poller, ADR 0015) enter
 * through {@link #classifyDsn}: permanent ones are judged exactly like a HARD_BOUNCE, temporary
 * ones like a TRANSIENT failure.
 */
public final class BounceRule {

    private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    private BounceRule() {
    }

    /**
     * A send outcome, judged first on whose problem it was ({@link EmailSendFailed#effectiveClass()},
     * inferred for events older than the class): TRANSIENT and AMBIGUOUS never count; SENDER is a
     * {@link OutcomeClass#SENDER_REJECTION} (its own threshold, {@link SenderRejections}), never a
     * bounce — unless it is the platform's own login failing (CONFIGURATION, SMTP 530/535, 5.7.0,
     * 5.7.8, 5.7.9), which counts nowhere; RECIPIENT is a hard bounce; PERMANENT follows the kind.
     */
    public static OutcomeClass classify(SendOutcome outcome) {
        if (!(outcome instanceof EmailSendFailed f)) {
            return OutcomeClass.CLEAN;
        }
        return switch (f.effectiveClass()) {
            case TRANSIENT, AMBIGUOUS -> OutcomeClass.FAILURE;
            case SENDER -> ownLogin(f) ? OutcomeClass.FAILURE : OutcomeClass.SENDER_REJECTION;
            case RECIPIENT -> classify("HARD_BOUNCE", f.detail());
            case PERMANENT -> classify(f.kind(), f.detail());
        };
    }

    private static boolean ownLogin(EmailSendFailed f) {
        return "CONFIGURATION".equalsIgnoreCase(f.kind()) || f.smtpCode() == 530 || f.smtpCode() == 535
                || (platformFault(f.detail()) && firstStatus(f.detail()).matches("\\d\\.7\\.\\d+"));
    }

    public static OutcomeClass classify(String kind, String detail) {
        if (kind == null) {
            return OutcomeClass.FAILURE;
        }
        return switch (kind.toUpperCase(Locale.ROOT)) {
            case "SENT" -> OutcomeClass.CLEAN;
            case "HARD_BOUNCE" -> platformFault(detail) ? OutcomeClass.EXCLUDED_BOUNCE : OutcomeClass.COUNTED_BOUNCE;
            default -> OutcomeClass.FAILURE;
        };
    }

    /**
     * An asynchronous bounce, judged on its enhanced status and not on the poller's HARD/SOFT class
     * (a 5.7.1 block is SOFT for the address but still burns the sender). The status decides
     * whether it is permanent; without one, the SMTP reply code; without either, the class (the
     * poller calls a bounce HARD only when it read a permanent result). A permanent bounce is then
     * a HARD_BOUNCE with the status as its detail, so the platform-fault exclusions apply
     * unchanged; a temporary one is a FAILURE that never enters the window.
     */
    public static OutcomeClass classifyDsn(String status, int smtpCode, String diagnostic, String bounceClass) {
        String enhanced = firstStatus(status);
        if (enhanced == null) {
            enhanced = firstStatus(diagnostic);
        }
        char permanence;
        if (enhanced != null) {
            permanence = enhanced.charAt(0);
        } else if (smtpCode >= 200 && smtpCode < 600) {
            permanence = (char) ('0' + smtpCode / 100);
        } else {
            permanence = "HARD".equals(bounceClass) ? '5' : '4';
        }
        if (permanence != '5') {
            return OutcomeClass.FAILURE;
        }
        return classify("HARD_BOUNCE", enhanced != null ? enhanced : diagnostic);
    }

    /**
     * An asynchronous bounce with its category in the bounce taxonomy (ADR 0025, 0024): a sender-side
     * category (policy or reputation block, authentication failure, content or spam) is a
     * {@link OutcomeClass#SENDER_REJECTION} when permanent, and a rate limit is one even when
     * temporary (a receiver deferring the sender's rate is a reputation signal). Every other
     * category, and an event without one, is judged by {@link #classifyDsn(String, int, String, String)}.
     */
    public static OutcomeClass classifyDsn(String status, int smtpCode, String diagnostic, String bounceClass,
                                           BounceReason category) {
        OutcomeClass byStatus = classifyDsn(status, smtpCode, diagnostic, bounceClass);
        if (category == null || !category.countsAgainstSender()) {
            return byStatus;
        }
        boolean permanent = byStatus != OutcomeClass.FAILURE || platformFault(status);
        return permanent || category == BounceReason.RATE_LIMITED ? OutcomeClass.SENDER_REJECTION : byStatus;
    }

    private static String firstStatus(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ENHANCED.matcher(text);
        return m.find() ? m.group() : null;
    }

    private static boolean platformFault(String detail) {
        if (detail == null) {
            return false;
        }
        Matcher m = ENHANCED.matcher(detail);
        if (!m.find()) {
            return false;
        }
        String subject = m.group(2);
        String code = subject + "." + m.group(3);
        return code.equals("3.4") || subject.equals("5") || subject.equals("6") || code.equals("7.0")
                || code.equals("7.8") || code.equals("7.9");
    }
}
