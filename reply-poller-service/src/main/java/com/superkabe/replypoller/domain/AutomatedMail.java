package com.superkabe.replypoller.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Header and subject signals of machine-written mail. Bounce signals: a report content type, an
 * empty envelope sender, a mailer-daemon/postmaster sender, X-Failed-Recipients, a bounce subject
 * with bounce wording in the body. Auto-reply signals (RFC 3834): Auto-Submitted other than "no",
 * X-Autoreply/X-Autorespond, Precedence auto_reply/bulk/junk, vendor vacation headers; a subject
 * such as "Out of Office" counts only together with a weaker header hint, never alone.
 */
public final class AutomatedMail {

    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("undeliver|undelivered|delivery (status notification"
            + "|failure|failed|has failed|problem|notification|report)|returned mail|mail delivery|failure notice"
            + "|could not (be )?deliver|non-?deliver|nondeliverable|returned to sender|bounce|permanent error"
            + "|unable to deliver|not delivered|delivery error|mail system error|rejected|failed delivery"
            + "|delivery unsuccessful|message status|error sending|warning: could not|nicht zustellbar|mail failure");
    private static final Pattern BOUNCE_BODY = Pattern.compile("could not be delivered|couldn't be delivered"
            + "|undeliverable|delivery (has )?failed|permanent (error|failure|fatal)|failed permanently"
            + "|following (address|recipient)|returned to (the )?sender|unable to deliver|not be delivered"
            + "|was not delivered|wasn't able to deliver|delivery to the following|message could not"
            + "|delivery status notification|mail delivery failed|rejected|unknown user|user unknown|no such user"
            + "|mailbox (is )?(full|unavailable)|does not exist|unrouteable|host not found|550[ -]|5\\.\\d\\.\\d"
            + "|delivery problem|failed to deliver|couldn't deliver|non-?delivery|bounced|this is the mail system"
            + "|i'm afraid i wasn't able|sorry,? (we|i) (were|was) unable|error occurred|smtp error"
            + "|no valid recipients|unknown host|failed addresses|could not deliver|delivery failure"
            + "|cannot send message|unsent message|original message follows|invalid final delivery"
            + "|error delivering");
    private static final Pattern DAEMON = Pattern.compile("mailer-daemon|post_?master|mail delivery|mail administrator"
            + "|mail delivery subsystem|mdaemon|mailer_daemon|microsoftexchange|bounce");
    private static final Pattern AUTO_SUBJECT = Pattern.compile("^\\s*(auto(matic|matische)?[ -]?(reply|response"
            + "|respons|antwort|answer)|out of (the )?office|ooo\\b|away\\b|on vacation|vacation|abwesen"
            + "|absence|r[ée]ponse automatique|respuesta autom[áa]tica|risposta automatica|i am away|i'm away)");

    private AutomatedMail() {
    }

    /** Whether the message is a report of this type ({@code delivery-status}, {@code feedback-report}). */
    public static boolean isReport(MailContent c, String reportType) {
        String type = c.lower("Content-Type").replace("\"", "").replaceAll("\\s*=\\s*", "=");
        boolean declared = type.startsWith("multipart/report") && type.contains("report-type=" + reportType);
        String partType = "delivery-status".equals(reportType) ? "delivery-status" : reportType;
        return declared || c.parts().stream().anyMatch(p -> p.mimeType().endsWith("/" + partType)
                || p.mimeType().endsWith("/global-" + partType));
    }

    /**
     * Whether the message is an ARF feedback report (RFC 5965), or Hotmail's older plain complaint
     * notice. A report is a complaint whatever else it carries: feedback loops often mark it
     * Auto-Submitted or Precedence: bulk, and abuse desks forward it inside another message, where
     * its machine-readable part ({@code Feedback-Type:} with {@code Version:} or {@code User-Agent:})
     * is still there to read.
     */
    public static boolean isFeedback(MailContent c, String subject) {
        return isReport(c, "feedback-report") || lower(subject).startsWith("complaint about message from")
                || c.parts().stream().anyMatch(p -> FeedbackReports.embeddedReport(p.text()).isPresent());
    }

    /** Whether the message looks like a bounce although it carries no RFC 3464 report. */
    public static boolean looksLikePlainBounce(MailContent c, String subject) {
        if (c.header("X-Failed-Recipients").isPresent()) {
            return true;
        }
        String s = lower(subject);
        boolean daemon = DAEMON.matcher(c.lower("From")).find() || nullSender(c);
        boolean bounceSubject = BOUNCE_SUBJECT.matcher(s).find();
        boolean bounceBody = BOUNCE_BODY.matcher(c.allText().toLowerCase(Locale.ROOT)).find();
        return bounceBody && (daemon || bounceSubject);
    }

    /**
     * Whether the headers alone suggest machine-written mail whose body is worth fetching (an SNS
     * notification may carry an Amazon SES bounce in its body).
     */
    public static boolean worthReadingBody(MailContent c, String subject) {
        String s = lower(subject);
        return c.lower("Content-Type").startsWith("multipart/report") || c.header("X-Failed-Recipients").isPresent()
                || c.header("x-amz-sns-message-id").isPresent()
                || DAEMON.matcher(c.lower("From")).find() || nullSender(c) || BOUNCE_SUBJECT.matcher(s).find()
                || autoReplySignal(c, subject).isPresent();
    }

    /** The strongest auto-reply signal present, e.g. "auto-submitted: auto-replied". */
    public static Optional<String> autoReplySignal(MailContent c, String subject) {
        String submitted = c.lower("Auto-Submitted");
        if (!submitted.isEmpty() && !submitted.startsWith("no")) {
            return Optional.of("auto-submitted: " + submitted.split("[;\\s]")[0]);
        }
        for (String h : new String[] {"X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Auto-Reply"}) {
            if (c.header(h).isPresent()) {
                return Optional.of(h.toLowerCase(Locale.ROOT));
            }
        }
        String precedence = c.lower("Precedence");
        if (precedence.equals("auto_reply") || precedence.equals("bulk") || precedence.equals("junk")) {
            return Optional.of("precedence: " + precedence);
        }
        if (c.lower("X-Apple-Action").equals("vacation")) {
            return Optional.of("x-apple-action: vacation");
        }
        boolean weakHint = c.header("X-Auto-Response-Suppress").isPresent() || nullSender(c)
                || c.header("X-Vacation").isPresent() || c.lower("X-Mailer").contains("vacation");
        if (weakHint && AUTO_SUBJECT.matcher(lower(subject)).find()) {
            return Optional.of("subject: " + subject.strip());
        }
        return Optional.empty();
    }

    private static boolean nullSender(MailContent c) {
        String rp = c.lower("Return-Path");
        return rp.equals("<>") || rp.equals("< >");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
