package com.superkabe.events.send;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a permanent failure says the recipient's address cannot receive mail — the only kind of
 * bounce that may suppress an address organization-wide. A 5xx reply alone does not: it is also
 * the answer to the platform's own faults (5.3.4 size, 5.5.x protocol, 5.7.0/8/9 authentication)
 * and to blocks aimed at the sender (5.7.1 blocklisted mailbox or content), which say nothing about
 * the address and must not suppress it forever. Read from the RFC 3463 enhanced status in the
 * reply (leading, as servers write it): 5.1.x (bad destination address, domain or mailbox; not
 * 5.1.7/5.1.8, the sender's address) and 5.2.1 (mailbox disabled); with no
 * enhanced status, a 550/551/553 whose text names an unknown or invalid recipient.
 */
public final class RecipientFailure {

    /** The enhanced status where replies put it: first, or after "smtp;" and the 3-digit code. */
    private static final Pattern ENHANCED = Pattern.compile(
            "^\\s*(?:smtp;\\s*)?(?:[245]\\d\\d[\\s-]+)?#?5\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final Pattern UNKNOWN_RECIPIENT = Pattern.compile(
            "user unknown|unknown user|no such (user|mailbox|recipient)|does not exist|doesn't exist"
                    + "|invalid (recipient|mailbox|address)|recipient (address )?rejected|mailbox not found"
                    + "|address rejected|not a valid mailbox|account (has been )?disabled");

    private RecipientFailure() {
    }

    /** True if this permanent failure means the address itself cannot receive mail. */
    public static boolean addressCannotReceive(int smtpCode, String detail) {
        String text = detail == null ? "" : detail.toLowerCase(Locale.ROOT);
        Matcher m = ENHANCED.matcher(text);
        if (m.find()) {
            String subject = m.group(1);
            String detailCode = m.group(2);
            // 5.1.7 and 5.1.8 are the sender's address, not the recipient's
            return (subject.equals("1") && !detailCode.equals("7") && !detailCode.equals("8"))
                    || (subject.equals("2") && detailCode.equals("1"));
        }
        return (smtpCode == 550 || smtpCode == 551 || smtpCode == 553) && UNKNOWN_RECIPIENT.matcher(text).find();
    }

    /** The same question asked of a send failure: only hard bounces can answer yes. */
    public static boolean addressCannotReceive(EmailSendFailed failure) {
        return "HARD_BOUNCE".equals(failure.kind()) && addressCannotReceive(failure.smtpCode(), failure.detail());
    }
}
