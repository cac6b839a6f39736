package com.superkabe.replypoller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.reply.BounceReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One case per entry of the bounce taxonomy (docs/bounce-taxonomy.md), read the way the poller reads
 * a DSN: the reason, its category and the class the sequencer acts on. Only recipient reasons with a
 * permanent result are HARD; sender-side reasons and retryable ones are SOFT.
 */
class BounceTaxonomyTest {

    @Test
    void aPermanentUnknownUserIsAHardUserUnknown() {
        BouncedRecipient r = failed("5.1.1", "smtp; 550 5.1.1 <ada@lead.test>: Recipient address rejected: User unknown");

        assertThat(r.category()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
    }

    @Test
    void aDomainThatDoesNotExistIsAHardHostUnknown() {
        BouncedRecipient r = failed("5.1.2", "smtp; 550 5.1.2 Host or domain name not found");

        assertThat(r.category()).isEqualTo(BounceReason.HOST_UNKNOWN);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
    }

    @Test
    void aFullMailboxIsSoftEvenWhenPermanent() {
        BouncedRecipient r = failed("5.2.2", "smtp; 552 5.2.2 Mailbox full");

        assertThat(r.category()).isEqualTo(BounceReason.MAILBOX_FULL);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void aBlocklistRefusalIsASoftPolicyBlockAgainstTheSender() {
        BouncedRecipient r = failed("5.7.1", "smtp; 554 5.7.1 Service unavailable; client host [192.0.2.1] blocked "
                + "using zen.spamhaus.org");

        assertThat(r.category()).isEqualTo(BounceReason.POLICY_BLOCK);
        assertThat(r.category().countsAgainstSender()).isTrue();
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void gmailsUnauthenticatedRefusalIsAnAuthenticationFailure() {
        BouncedRecipient r = failed("5.7.26", "smtp; 550 5.7.26 This mail has been blocked because the sender is "
                + "unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.");

        assertThat(r.category()).isEqualTo(BounceReason.AUTH_FAILURE);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void microsoftsAuthenticationLevelRefusalIsAnAuthenticationFailure() {
        BouncedRecipient r = failed("5.7.515", "smtp; 550 5.7.515 Access denied, sending domain example.com "
                + "doesn't meet the required authentication level.");

        assertThat(r.category()).isEqualTo(BounceReason.AUTH_FAILURE);
    }

    @Test
    void aRateDeferralIsRateLimitedAndSoft() {
        BouncedRecipient r = failed("4.7.28", "smtp; 421 4.7.28 Our system has detected an unusual rate of "
                + "unsolicited mail originating from your IP address.");

        assertThat(r.category()).isEqualTo(BounceReason.RATE_LIMITED);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void aSpamVerdictIsContentRejected() {
        BouncedRecipient r = failed("5.7.1", "smtp; 550 5.7.1 Message rejected as spam by Content Filtering");

        assertThat(r.category()).isEqualTo(BounceReason.CONTENT_REJECTED);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void aDelayedNoticeIsASoftExpiredBounceMarkedDelayed() {
        Classification c = classify(report("Final-Recipient: rfc822; ada@lead.test\nAction: delayed\nStatus: 4.4.7\n"
                + "Will-Retry-Until: Fri, 30 Jan 2015 21:28:58 -0800\n"));

        assertThat(c).isInstanceOfSatisfying(Classification.Bounce.class, b -> {
            BouncedRecipient r = b.recipients().getFirst();
            assertThat(r.category()).isEqualTo(BounceReason.EXPIRED);
            assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
            assertThat(r.delayed()).isTrue();
        });
    }

    @Test
    void aGreylistingDeferralIsNeverASenderSideReason() {
        Classification c = classify(report("Final-Recipient: rfc822; ada@lead.test\nAction: delayed\nStatus: 4.7.1\n"
                + "Diagnostic-Code: smtp; 451 4.7.1 Greylisted, please try again later\n"));

        assertThat(c).isInstanceOfSatisfying(Classification.Bounce.class, b -> {
            assertThat(b.recipients().getFirst().category()).isEqualTo(BounceReason.EXPIRED);
            assertThat(b.recipients().getFirst().category().countsAgainstSender()).isFalse();
        });
    }

    @Test
    void aMessageTooBigIsOther() {
        BouncedRecipient r = failed("5.3.4", "smtp; 552 5.3.4 Message size exceeds fixed limit");

        assertThat(r.category()).isEqualTo(BounceReason.OTHER);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void aUserUnknownGivenAfterDataIsNotHard() {
        BouncedRecipient r = failed("5.0.0", "smtp; 550 5.0.0 <ada@lead.test>: User unknown (in reply to end of DATA "
                + "command)");

        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
        assertThat(r.reason()).isEqualTo("filtered");
    }

    @Test
    void aUserUnknownNamingNoRecipientIsNotHard() {
        BouncedRecipient r = failed("5.0.0", "smtp; 550 : User unknown");

        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void aUserUnknownAtRcptToIsHardWhateverTheStatus() {
        BouncedRecipient r = failed("5.2.1", "smtp; 550 5.2.1 <ada@lead.test>... User Unknown (in reply to RCPT TO "
                + "command)");

        assertThat(r.category()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
    }

    @Test
    void aRefusedMailFromIsAboutOurSenderAddress() {
        BouncedRecipient r = failed("5.0.0", "smtp; 550 Unroutable sender address (after MAIL FROM)");

        assertThat(r.category()).isEqualTo(BounceReason.POLICY_BLOCK);
        assertThat(r.bounceClass()).isEqualTo(BounceClass.SOFT);
    }

    @Test
    void aLocalDeliveryProgramFailureIsNotTheAddresses() {
        Classification c = classify(report("Final-Recipient: rfc822; ada@lead.test\nAction: failed\nStatus: 5.1.1\n"
                + "Diagnostic-Code: x-unix; procmail: Couldn't create \"/var/spool/mail/ada\": No such user\n"));

        assertThat(c).isInstanceOfSatisfying(Classification.Bounce.class,
                b -> assertThat(b.recipients().getFirst().bounceClass()).isEqualTo(BounceClass.SOFT));
    }

    @Test
    void anAmazonSesBounceNotificationIsReadAsABounce() {
        MailContent sns = new MailContent(Map.of("From", List.of("no-reply@sns.amazonaws.com")), List.of(
                new MailPart("text/plain", null, "{\n  \"Type\" : \"Notification\",\n  \"Message\" : \"{\\\"notificationType"
                        + "\\\":\\\"Bounce\\\",\\\"bounce\\\":{\\\"bounceType\\\":\\\"Permanent\\\",\\\"bouncedRecipients"
                        + "\\\":[{\\\"emailAddress\\\":\\\"ada@lead.test\\\",\\\"action\\\":\\\"failed\\\",\\\"status\\\":"
                        + "\\\"5.1.1\\\",\\\"diagnosticCode\\\":\\\"smtp; 550 5.1.1 user unknown\\\"}]}}\"\n}\n")));

        assertThat(classify(sns)).isInstanceOfSatisfying(Classification.Bounce.class, b -> {
            assertThat(b.recipients()).singleElement().satisfies(r -> {
                assertThat(r.recipient()).isEqualTo("ada@lead.test");
                assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
            });
        });
    }

    @Test
    void anSnsNotificationIsWorthFetchingInFullForItsSesBounce() {
        MailContent headers = new MailContent(Map.of("From", List.of("SES <no-reply@sns.amazonaws.com>"),
                "x-amz-sns-message-id", List.of("02f86d9b")), List.of());

        assertThat(AutomatedMail.worthReadingBody(headers, "AWS Notification Message")).isTrue();
    }

    private static BouncedRecipient failed(String status, String diagnostic) {
        Classification c = classify(report("Final-Recipient: rfc822; ada@lead.test\nAction: failed\nStatus: " + status
                + "\nDiagnostic-Code: " + diagnostic + "\n"));
        assertThat(c).isInstanceOf(Classification.Bounce.class);
        return ((Classification.Bounce) c).recipients().getFirst();
    }

    private static MailContent report(String recipientBlock) {
        return new MailContent(Map.of("Content-Type", List.of("multipart/report; report-type=delivery-status"),
                "From", List.of("MAILER-DAEMON@mx.lead.test")), List.of(
                new MailPart("text/plain", null, "Your message could not be delivered."),
                new MailPart("message/delivery-status", null, "Reporting-MTA: dns; mx.lead.test\n\n" + recipientBlock)));
    }

    private static Classification classify(MailContent c) {
        return InboxClassifier.classify(new InboxMessage("<dsn-1@mx.lead.test>", null, null, null, "Delivery Status",
                c), "org-1", id -> Optional.empty());
    }
}
