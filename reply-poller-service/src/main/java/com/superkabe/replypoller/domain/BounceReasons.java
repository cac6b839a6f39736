package com.superkabe.replypoller.domain;

import com.superkabe.events.reply.BounceReason;
import java.util.Locale;
import java.util.Set;

/**
 * Names why a recipient bounced, whether that is HARD, and which {@link BounceReason} of the
 * platform's taxonomy it is (docs/bounce-taxonomy.md, ADR 0025). An unambiguous enhanced status
 * decides first; the diagnostic text otherwise (MTAs write "user unknown" under many codes), then
 * the SMTP stage the refusal answered corrects it: an address reason is only proof that the address
 * is invalid when the receiver refused it at RCPT TO or with an x.1.x status. The same words after
 * DATA, with no stage at all, or with a mailbox status (x.2.x) come from content filters and per-user
 * rules, and a refusal of MAIL FROM is about our sender address. HARD means the address itself is
 * permanently invalid: reason userunknown, hostunknown, hasmoved or notaccept, with a permanent
 * (5.x.x / 5xx) result. Everything else is SOFT, including permanent policy and content rejections
 * (5.7.x): those are about our message or reputation, not the address. A temporary result
 * (4.x.x / 4xx) is never HARD.
 */
public final class BounceReasons {

    private static final Set<String> SENDER_SIDE = Set.of("authfailure", "ratelimited", "blocked",
            "spamdetected");

    private BounceReasons() {
    }

    /**
     * The reason for this status, reply code and diagnostic text; "undefined" when nothing fits.
     * A specific status code decides first where it is unambiguous; the text decides otherwise,
     * corrected by the SMTP stage the refusal answered.
     */
    static String reason(Evidence e) {
        String reason = reasonOfWords(e.status(), e.smtpCode(), e.diagnostic(), e.context(), e.gateway());
        boolean addressReason = reason.equals("userunknown") || reason.equals("hostunknown");
        if (e.localProgram() && addressReason) {
            return "mailererror"; // the receiver's delivery program failed; the address was accepted
        }
        if (e.delayed() && !reason.equals("mailboxfull") && !SENDER_SIDE.contains(reason)) {
            return "expired"; // still queued: whatever the last attempt said, it is not final
        }
        return reason;
    }

    private static String reasonOfWords(String status, int smtpCode, String diagnostic, String context,
                                        boolean gateway) {
        if (status != null && status.endsWith(".3.4")) {
            return "mesgtoobig"; // servers also answer 552 for a message over their size limit
        }
        if (smtpCode == 552) {
            return "mailboxfull"; // RFC 5321: exceeded storage allocation, whatever other status came with it
        }
        String text = lower(diagnostic);
        String all = lower(context);
        String head = all.substring(0, Math.min(all.length(), 2_000));
        BounceWords.Stage stage = BounceWords.stage(text);
        if (stage == BounceWords.Stage.UNKNOWN && !text.equals(all)) {
            stage = BounceWords.stage(head);
        }
        String ownWords = BounceWords.reason(text);
        if (status != null && status.endsWith(".7.13")) {
            return "suspend"; // RFC 3463 x.7.13: user account disabled
        }
        if (text.contains("recipient address rejected: access denied")) {
            // Exchange Online's directory-based edge blocking: the recipient is not in its directory
            return "userunknown";
        }
        if ("ratelimited".equals(ownWords)) {
            return "ratelimited"; // the receiver names the sender's rate, whatever status it chose
        }
        if (stage == BounceWords.Stage.RCPT && "userunknown".equals(ownWords)) {
            return "userunknown"; // refused at RCPT TO in words naming the user: whatever status came with it
        }
        String byStatus = specificStatus(status, text);
        if (byStatus != null) {
            return byStatus;
        }
        String byText = ownWords;
        if (byText == null && text.length() < all.length()) {
            byText = BounceWords.reason(head);
        }
        if (byText == null) {
            return reasonOfStatus(status, smtpCode);
        }
        return corrected(byText, status, smtpCode, stage, gateway, text);
    }

    /**
     * What the words mean given where they were said and who said them. A refusal of MAIL FROM is
     * about our sender address. An address reason after DATA, or under a mailbox status (x.2.x: the
     * mailbox exists), is a filter's; so is a "user unknown" that names no recipient where the reply
     * puts one ("550 : User unknown", the answer to a whole message after DATA). Without an address
     * status (x.1.x) or a sign of RCPT TO, "user unknown" is not proof either when a content-filtering
     * gateway wrote the notice, when the status names a mail-system problem (x.3.x), or when the
     * notice quotes no status, no reply code and no SMTP stage at all (the writer's own verdict, not a
     * receiving server's refusal). Suppressing an address is permanent and organization-wide, so it
     * needs protocol evidence, not words alone.
     */
    private static String corrected(String reason, String status, int smtpCode, BounceWords.Stage stage,
                                    boolean gateway, String text) {
        boolean addressReason = reason.equals("userunknown") || reason.equals("hostunknown");
        if (!addressReason) {
            return reason;
        }
        if (stage == BounceWords.Stage.MAIL) {
            return "rejected";
        }
        String subject = status == null ? "" : status.substring(status.indexOf('.') + 1);
        if (subject.startsWith("2.")) {
            return subject.equals("2.1") ? "suspend" : "filtered";
        }
        if ((stage == BounceWords.Stage.DATA && !BounceWords.saysAccountMissing(text))
                || BounceWords.namesNoRecipient(text)) {
            return "filtered";
        }
        boolean addressStatus = subject.startsWith("1.") && !subject.equals("1.0") && !subject.equals("1.7")
                && !subject.equals("1.8");
        boolean wordsOnly = status == null && smtpCode == 0 && stage == BounceWords.Stage.UNKNOWN;
        boolean systemStatus = subject.startsWith("3.");
        if (reason.equals("userunknown") && stage != BounceWords.Stage.RCPT && !addressStatus
                && (gateway || wordsOnly || systemStatus)) {
            return "filtered";
        }
        return reason;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /**
     * The reason an unambiguous enhanced status code names (RFC 3463; the x.7.2x codes of RFC 7372
     * and the providers' 5.7.509/5.7.515 for authentication), or null to let the text decide. A
     * generic x.7.x security status is a block, made more precise by the text when it names spam,
     * authentication, a rate or greylisting (a normal first refusal, never held against the sender).
     */
    static String specificStatus(String status, String text) {
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
            case "7.20", "7.21", "7.22", "7.23", "7.24", "7.26", "7.509", "7.515" -> "authfailure";
            case "7.28" -> "ratelimited";
            default -> subject.startsWith("7.") ? securityRefinement(text)
                    : subject.startsWith("6.") ? "contenterror"
                    : subject.startsWith("3.") && !subject.equals("3.0") ? "systemerror" : null;
        };
    }

    private static String securityRefinement(String text) {
        String byText = BounceWords.reason(text);
        return byText != null && (byText.equals("authfailure") || byText.equals("ratelimited")
                || byText.equals("spamdetected") || byText.equals("greylisted")) ? byText : "blocked";
    }

    /** The reason a status or reply code suggests when the text named none. */
    static String reasonOfStatus(String status, int smtpCode) {
        if (status != null) {
            String subject = status.substring(status.indexOf('.') + 1);
            switch (subject) {
                case "1.3" -> { return "userunknown"; }
                case "4.4" -> { return "hostunknown"; }
                case "2.1" -> { return "suspend"; }
                default -> { }
            }
        }
        return switch (smtpCode) {
            case 452 -> "mailboxfull";
            case 421, 450, 451 -> "systemerror";
            default -> "undefined";
        };
    }

    /**
     * The taxonomy entry of a reason. "filtered" (an address reason nothing corroborates, or a
     * per-user rule) and "suspend" (a disabled mailbox) are neither the address's proven fault nor
     * the sender's: OTHER. A delayed notice is EXPIRED unless it names a fuller mailbox or something
     * the sender must hear about (authentication, rate, block, spam).
     */
    public static BounceReason category(String reason, boolean delayed) {
        BounceReason c = switch (reason) {
            case "userunknown", "hasmoved" -> BounceReason.USER_UNKNOWN;
            case "hostunknown", "notaccept" -> BounceReason.HOST_UNKNOWN;
            case "mailboxfull" -> BounceReason.MAILBOX_FULL;
            case "blocked", "rejected" -> BounceReason.POLICY_BLOCK;
            case "authfailure" -> BounceReason.AUTH_FAILURE;
            case "ratelimited" -> BounceReason.RATE_LIMITED;
            case "spamdetected" -> BounceReason.CONTENT_REJECTED;
            case "expired" -> BounceReason.EXPIRED;
            default -> BounceReason.OTHER;
        };
        return delayed && (c.addressInvalid() || c == BounceReason.OTHER) ? BounceReason.EXPIRED : c;
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

}
