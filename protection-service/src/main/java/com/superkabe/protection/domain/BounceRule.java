package com.superkabe.protection.domain;

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
 * never enter the window. DSN bounces from the reply poller enter through the same rule with
 * kind HARD_BOUNCE (5.x.x DSN status) or TRANSIENT (4.x.x "delayed").
 */
public final class BounceRule {

    private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    private BounceRule() {
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
