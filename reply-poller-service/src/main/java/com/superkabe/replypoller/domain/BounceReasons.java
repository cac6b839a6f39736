package com.superkabe.replypoller.domain;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names why a recipient bounced and whether that is HARD. A reason comes from the diagnostic
 * text first (MTAs write "user unknown" under many status codes), then from the enhanced status
 * code. HARD means the address itself is permanently invalid: reason userunknown, hostunknown,
 * hasmoved or notaccept, with a permanent (5.x.x / 5xx) result. Everything else is SOFT,
 * including permanent policy and content rejections (5.7.x): those are about our message or
 * reputation, not about the address. A temporary result (4.x.x / 4xx) is never HARD.
 */
public final class BounceReasons {

    private static final List<Map.Entry<String, Pattern>> TEXT = List.of(
            rule("mailboxfull", "mailbox (is )?full|over ?quota|quota exceeded|exceeded (the |his |her )?(storage|quota)"
                    + "|insufficient (system )?storage|mailbox size limit|disk quota|too much mail|mail ?box is full"
                    + "|user is over|exceeds? (the )?(mailbox|storage)|full mailbox"),
            rule("mesgtoobig", "message (size )?(is )?too (big|large)|exceeds (the )?(maximum )?(message )?size"
                    + "|message size exceeds|size limit"),
            rule("hasmoved", "has moved|no longer (available|valid|with)"),
            rule("hostunknown", "host (or domain name )?not found|domain (name )?not found|no such domain"
                    + "|unrouteable|unroutable|host unknown|unknown host|domain does not exist|name or service not known"
                    + "|non-?existent domain|nxdomain|no mx|illegal host|domain (is )?(unknown|invalid)"
                    + "|does not have any mx|hostname lookup failed|unknown domain|relay access denied? to domain"),
            rule("userunknown", "user ?unknown|unknown (user|recipient|local|address|mailbox)|no such (user|recipient"
                    + "|mailbox|address|account|person|local)|does ?n[o']t exist|not exist|recipient (not found|unknown"
                    + "|rejected)|user not found|(invalid|bad|unknown) (recipient|mailbox|address|user)"
                    + "|no mailbox|mailbox (not found|unavailable|does not)|address (rejected|unknown|not found"
                    + "|does not)|not a valid (mailbox|recipient|user)|account (is )?(disabled|closed|not found"
                    + "|inactive|has been disabled)|no account|recipient address rejected|user (doesn't|does not)"
                    + "|invalid address|is not a known user|unknown or illegal alias|not our customer"
                    + "|mailbox disabled|undeliverable address|isn't in my list|no valid recipients|bad destination"
                    + "|not listed in|sorry, no mailbox|addressee unknown"),
            rule("blocked", "blocked|blacklist|block ?list|denied|spamhaus|rbl|reputation|not allowed|rejected "
                    + "(due|for|by|because)|policy|access denied|client host|ptr|reverse dns|spf|dmarc|dkim"),
            rule("spamdetected", "spam|junk|unsolicited"),
            rule("expired", "expired|retry time|timeout|timed out|too long|could not be delivered within|gave up"
                    + "|delivery time"),
            rule("systemerror", "system error|configuration error|loop|too many hops|internal error"));

    private static final Pattern DATA = Pattern.compile("end of data|after data|data command|after end of"
            + "|>>> data\\s*\\n\\s*<<< 5");

    private BounceReasons() {
    }

    /**
     * The reason for this status, reply code and diagnostic text; "undefined" when nothing fits.
     * A specific status code decides first where it is unambiguous; the text decides otherwise.
     */
    public static String reason(String status, int smtpCode, String diagnostic, String context) {
        if (smtpCode == 552) {
            return "mailboxfull"; // RFC 5321: exceeded storage allocation, whatever status code came with it
        }
        String byStatus = specificStatus(status);
        if (byStatus != null) {
            return byStatus;
        }
        String text = lower(diagnostic);
        String all = lower(context);
        String byText = byText(text);
        if (byText == null && text.length() < all.length()) {
            byText = byText(all.substring(0, Math.min(all.length(), 2_000)));
        }
        if (byText == null) {
            return reasonOfStatus(status, smtpCode);
        }
        if (byText.equals("userunknown") && status != null && status.endsWith(".2.0")) {
            // x.2.0 is a mailbox status: the mailbox exists and refused, e.g. a per-user filter
            return "filtered";
        }
        return afterData(byText, text);
    }

    private static String byText(String text) {
        for (Map.Entry<String, Pattern> r : TEXT) {
            if (r.getValue().matcher(text).find()) {
                return r.getKey();
            }
        }
        return null;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Recipients refused only after DATA were accepted at RCPT TO: the refusal is a content
     * filter's, not proof that the address is invalid.
     */
    private static String afterData(String reason, String text) {
        boolean addressReason = reason.equals("userunknown") || reason.equals("hostunknown");
        return addressReason && DATA.matcher(text).find() ? "filtered" : reason;
    }

    /** The reason an unambiguous enhanced status code names, or null to let the text decide. */
    static String specificStatus(String status) {
        if (status == null) {
            return null;
        }
        String subject = status.substring(status.indexOf('.') + 1);
        return switch (subject) {
            case "1.1" -> "userunknown";
            case "1.2" -> "hostunknown";
            case "1.6" -> "hasmoved";
            case "1.10" -> "notaccept";
            case "1.7", "1.8" -> "rejected";
            case "2.2", "2.3" -> "mailboxfull";
            case "3.4" -> "mesgtoobig";
            case "4.7" -> "expired";
            default -> subject.startsWith("7.") ? "blocked"
                    : subject.startsWith("6.") ? "contenterror"
                    : subject.startsWith("3.") && !subject.equals("3.0") ? "systemerror" : null;
        };
    }

    /** The reason a status or reply code suggests when the text named none. */
    static String reasonOfStatus(String status, int smtpCode) {
        if (status != null) {
            String subject = status.substring(status.indexOf('.') + 1);
            switch (subject) {
                case "1.1", "1.0", "1.3" -> { return "userunknown"; }
                case "4.4" -> { return "hostunknown"; }
                case "2.1" -> { return "suspend"; }
                default -> { }
            }
        }
        return switch (smtpCode) {
            case 550, 551, 553, 554 -> "rejected";
            case 552, 452 -> "mailboxfull";
            case 421, 450, 451 -> "systemerror";
            default -> "undefined";
        };
    }

    /** HARD for a permanent failure whose reason says the address is invalid; otherwise SOFT. */
    public static BounceClass classOf(String reason, String status, int smtpCode) {
        boolean temporary = status != null ? status.startsWith("4") : smtpCode >= 400 && smtpCode < 500;
        boolean addressInvalid = switch (reason) {
            case "userunknown", "hostunknown", "hasmoved", "notaccept" -> true;
            default -> false;
        };
        return addressInvalid && !temporary ? BounceClass.HARD : BounceClass.SOFT;
    }

    private static Map.Entry<String, Pattern> rule(String reason, String regex) {
        return Map.entry(reason, Pattern.compile(regex));
    }
}
