package com.superkabe.replypoller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboxClassifierTest {

    private static final SentMessage SENT = new SentMessage("send-1@acme.test", "org-1", "mb-1", "send-1", "run-1",
            "lead-1", "c-1", "ada@lead.test");
    private static final SentMessageLookup LOOKUP = id -> Optional.ofNullable(Map.of(SENT.messageId(), SENT).get(id));

    @Test
    void readsAnRfc3464ReportAsAHardBounceMatchedThroughTheReturnedHeaders() {
        MailContent dsn = new MailContent(Map.of("Content-Type",
                List.of("multipart/report; report-type=delivery-status; boundary=x"), "From",
                List.of("MAILER-DAEMON@mx.lead.test")), List.of(
                new MailPart("text/plain", null, "Delivery failed."),
                new MailPart("message/delivery-status", null, "Reporting-MTA: dns; mx.lead.test\n\n"
                        + "Final-Recipient: rfc822; ada@lead.test\nAction: failed\nStatus: 5.1.1\n"
                        + "Diagnostic-Code: smtp; 550 5.1.1 <ada@lead.test>: Recipient address rejected\n"),
                new MailPart("text/rfc822-headers", null, "Message-ID: <send-1@acme.test>\nSubject: Hello\n")));

        Classification c = InboxClassifier.classify(message("<dsn-1@mx.lead.test>", null, dsn), "org-1", LOOKUP);

        assertThat(c).isInstanceOfSatisfying(Classification.Bounce.class, b -> {
            assertThat(b.original()).isEqualTo(SENT);
            assertThat(b.originalMessageId()).isEqualTo("send-1@acme.test");
            assertThat(b.recipients()).singleElement().satisfies(r -> {
                assertThat(r.bounceClass()).isEqualTo(BounceClass.HARD);
                assertThat(r.status()).isEqualTo("5.1.1");
                assertThat(r.smtpCode()).isEqualTo(550);
                assertThat(r.reason()).isEqualTo("userunknown");
            });
        });
    }

    @Test
    void readsAFullMailboxAsASoftBounceEvenWhenItAnswersOurMessage() {
        MailContent postfix = new MailContent(Map.of("From", List.of("MAILER-DAEMON@mx.lead.test")), List.of(
                new MailPart("text/plain", null, "This is the mail system at host mx.lead.test.\n\n"
                        + "<ada@lead.test>: host mx.lead.test said: 452 4.2.2 Mailbox full\n")));

        Classification c = InboxClassifier.classify(message("<b-2@mx.lead.test>", "<send-1@acme.test>", postfix),
                "org-1", LOOKUP);

        assertThat(c).isInstanceOfSatisfying(Classification.Bounce.class, b -> {
            assertThat(b.original()).isEqualTo(SENT);
            assertThat(b.recipients().getFirst().bounceClass()).isEqualTo(BounceClass.SOFT);
            assertThat(b.recipients().getFirst().reason()).isEqualTo("mailboxfull");
        });
    }

    @Test
    void readsAnAutoSubmittedAnswerAsAnAutoReplyNotAReply() {
        MailContent oof = new MailContent(Map.of("Auto-Submitted", List.of("auto-replied")), List.of());

        Classification c = InboxClassifier.classify(message("<o-1@lead.test>", "<send-1@acme.test>", oof), "org-1",
                LOOKUP);

        assertThat(c).isEqualTo(new Classification.AutoReply("o-1@lead.test", "auto-submitted: auto-replied", SENT));
    }

    @Test
    void readsAnOutOfOfficeSubjectAloneAsAPersonsReply() {
        InboxMessage human = new InboxMessage("<h-1@lead.test>", "<send-1@acme.test>", null, "ada@lead.test",
                "Out of office next week, let's talk after");

        assertThat(InboxClassifier.classify(human, "org-1", LOOKUP)).isInstanceOf(Classification.Reply.class);
    }

    @Test
    void readsADeliveryReportWithoutAFailureAsNeitherABounceNorAReply() {
        MailContent delivered = new MailContent(Map.of("Content-Type",
                List.of("multipart/report; report-type=delivery-status")), List.of(new MailPart(
                "message/delivery-status", null, "Final-Recipient: rfc822; ada@lead.test\nAction: delivered\n"
                        + "Status: 2.0.0\n")));

        assertThat(InboxClassifier.classify(message("<d-1@mx.lead.test>", "<send-1@acme.test>", delivered), "org-1",
                LOOKUP)).isInstanceOf(Classification.Unmatched.class);
    }

    @Test
    void readsADelayedNoticeAsASoftBounceOfItsSendNeverAReply() {
        MailContent delayed = new MailContent(Map.of("Content-Type",
                List.of("multipart/report; report-type=delivery-status")), List.of(new MailPart(
                "message/delivery-status", null, "Final-Recipient: rfc822; ada@lead.test\nAction: delayed\n"
                        + "Status: 4.4.7\n")));

        assertThat(InboxClassifier.classify(message("<d-2@mx.lead.test>", "<send-1@acme.test>", delayed), "org-1",
                LOOKUP)).isInstanceOfSatisfying(Classification.Bounce.class, b -> {
                    assertThat(b.original()).isEqualTo(SENT);
                    assertThat(b.recipients().getFirst().bounceClass()).isEqualTo(BounceClass.SOFT);
                    assertThat(b.recipients().getFirst().delayed()).isTrue();
                });
    }

    @Test
    void readsAnArfReportAsAComplaint() {
        MailContent arf = new MailContent(Map.of("Content-Type",
                List.of("multipart/report; report-type=\"feedback-report\"")), List.of(
                new MailPart("message/feedback-report", null, "Feedback-Type: abuse\nOriginal-Rcpt-To: ada@lead.test\n"),
                new MailPart("message/rfc822", null, "Message-ID: <send-1@acme.test>\n\nHello")));

        assertThat(InboxClassifier.classify(message("<f-1@fbl.test>", null, arf), "org-1", LOOKUP))
                .isEqualTo(new Classification.FeedbackReport("f-1@fbl.test", "abuse", "ada@lead.test",
                        "send-1@acme.test", SENT));
    }

    private static InboxMessage message(String id, String inReplyTo, MailContent content) {
        return new InboxMessage(id, inReplyTo, null, null, null, content);
    }
}
