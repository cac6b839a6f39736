package com.superkabe.replypoller.domain;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The words MTAs use in bounce notices, lower-case: a reason for each family of wording, checked in
 * order (a full mailbox before an unknown user, greylisting before a block), and the phrases that say
 * which SMTP command a refusal answered (ADR 0025). {@link BounceReasons} decides with them.
 */
final class BounceWords {

    private static final List<Map.Entry<String, Pattern>> TEXT = List.of(
            rule("mailboxfull", "mailbox (is )?full|over ?quota|quota exceeded|exceeded (the |his |her )?(storage|quota)"
                    + "|insufficient (system )?storage|mailbox size limit|disk quota|too much mail|mail ?box is full"
                    + "|user is over|exceeds? (the )?(mailbox|storage)|full mailbox|mailbox exceeded"),
            rule("mesgtoobig", "message (size )?(is )?too (big|large)|exceeds (the )?(maximum )?(message )?size"
                    + "|message size exceeds|size limit"),
            rule("hasmoved", "has moved|no longer (available|valid|with)"),
            rule("networkerror", "malformed or unexpected name server reply|name server failure|servfail"
                    + "|dns (lookup )?(timeout|timed out)|temporary (dns|name resolution) (failure|error)"),
            rule("hostunknown", "host (or domain name )?not found|domain (name )?not found|no such domain"
                    + "|unrouteable|unroutable|host unknown|unknown host|domain does not exist|name or service not known"
                    + "|non-?existent domain|nxdomain|no mx|illegal host|domain (is )?(unknown|invalid)"
                    + "|does not have any mx|hostname lookup failed|unknown domain|relay access denied? to domain"
                    + "|domain (is )?not reachable|host \\S+ not found"),
            rule("userunknown", "user ?unknown|unknown (user|recipient|local|address|mailbox)|no such (user|recipient"
                    + "|mailbox|address|account|person|local)|does ?n[o']t exist|not exist|recipient (not found|unknown)"
                    + "|user not found|(invalid|bad|unknown) (recipient|mailbox|address|user)"
                    + "|no mailbox|mailbox (not found|unavailable|does not)|address (unknown|not found|does not)"
                    + "|not a valid (mailbox|recipient|user)|account (is )?(disabled|closed|not found"
                    + "|inactive|has been disabled)|no account|user (doesn't|does not)"
                    + "|invalid address|is not a known user|unknown or illegal alias|not our customer"
                    + "|mailbox disabled|undeliverable address|isn't in my list|no valid recipients|bad destination"
                    + "|not listed in|sorry, no mailbox|addressee unknown|invalid (final delivery )?userid"),
            rule("greylisted", "greylist|graylist"),
            rule("authfailure", "dmarc|\\bspf\\b|dkim|sender policy framework|unauthenticated"
                    + "|not (been )?authenticated|authentication (check )?(failed|failure)|fails? (to pass )?authentication"),
            rule("ratelimited", "rate limit|rate-limit|ratelimit|too many (messages|connections|mails|emails|recipients"
                    + "|concurrent)|unusual rate|sending rate|too fast|throttl|connection limit|frequency|exceeded the"
                    + " (maximum )?(number of )?(messages|connections)"),
            rule("blocked", "blocked|blacklist|block ?list|denied|spamhaus|rbl|reputation|not allowed|rejected "
                    + "(due|for|by|because)|policy|access denied|client host|ptr|reverse dns"),
            rule("spamdetected", "spam|junk|unsolicited|virus|malware|infected|content (filter|rejected)"),
            rule("expired", "expired|retry time|timeout|timed out|too long|could not be delivered within|gave up"
                    + "|delivery time"),
            rule("systemerror", "system error|configuration error|loop|too many hops|internal error"));

    private static final Pattern DATA = Pattern.compile("end of data|after data|data command|after end of"
            + "|failed after i sent the message"
            + "|>>> data\\s*\\n\\s*<<< 5");
    private static final Pattern MAIL_FROM = Pattern.compile("after mail from|in reply to mail from|>>> mail from"
            + "|mail from command|our mail from");
    private static final Pattern RCPT_TO = Pattern.compile("after rcpt to|in reply to rcpt to|>>> rcpt to"
            + "|rcpt to command|our rcpt to|rcpt to:<|smtp:rcpt|\\[rcpt_to\\]|does not like recipient");

    /** A transcript refusing RCPT TO. */
    private static final Pattern RCPT_REFUSED = Pattern.compile(">>> rcpt to:[^\\n]*\\n\\s*<<< 5");
    /** Words saying outright that the account does not exist (Yahoo answers so after DATA). */
    private static final Pattern ACCOUNT_MISSING = Pattern.compile("doesn't have an? \\S+ account|account does not exist");
    /** A reply whose recipient slot is empty: "550 : User unknown", "550 <>: user unknown". */
    private static final Pattern NO_RECIPIENT_NAMED = Pattern.compile("\\b5\\d\\d[ -]+(<>)?\\s*:\\s*(user unknown"
            + "|unknown user)");

    /** The SMTP command a refusal answered, as far as the notice says. */
    enum Stage { MAIL, RCPT, DATA, UNKNOWN }


    private BounceWords() {
    }

    /** The first reason whose words the text contains, in the order above; null when none. */
    static String reason(String text) {
        for (Map.Entry<String, Pattern> r : TEXT) {
            if (r.getValue().matcher(text).find()) {
                return r.getKey();
            }
        }
        return null;
    }

    /** The SMTP command the text says a refusal answered. */
    static Stage stage(String text) {
        if (RCPT_REFUSED.matcher(text).find()) {
            return Stage.RCPT; // a transcript refusing RCPT TO: a later DATA failure is only its consequence
        }
        if (DATA.matcher(text).find()) {
            return Stage.DATA;
        }
        if (MAIL_FROM.matcher(text).find()) {
            return Stage.MAIL;
        }
        return RCPT_TO.matcher(text).find() ? Stage.RCPT : Stage.UNKNOWN;
    }

    /** A reply whose recipient slot is empty ("550 : User unknown"): the answer to a whole message. */
    static boolean namesNoRecipient(String text) {
        return NO_RECIPIENT_NAMED.matcher(text).find();
    }

    /** Words saying outright that the account does not exist. */
    static boolean saysAccountMissing(String text) {
        return ACCOUNT_MISSING.matcher(text).find();
    }

    private static Map.Entry<String, Pattern> rule(String reason, String regex) {
        return Map.entry(reason, Pattern.compile(regex));
    }
}
