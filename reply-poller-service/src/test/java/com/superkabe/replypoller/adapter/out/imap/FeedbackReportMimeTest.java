package com.superkabe.replypoller.adapter.out.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.replypoller.domain.Classification;
import com.superkabe.replypoller.domain.InboxClassifier;
import com.superkabe.replypoller.domain.InboxMessage;
import com.superkabe.replypoller.domain.SentMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every ARF feedback report (RFC 5965) is a complaint, whatever else it carries: feedback loops mark
 * their reports Auto-Submitted (RFC 3834 allows it for any machine-written mail), and abuse desks
 * forward them inside another message. Parsed by the same MIME adapter the poller uses.
 */
class FeedbackReportMimeTest {

    private static final SentMessage SENT = new SentMessage("send-1@acme.test", "org-1", "mb-1", "send-1", "run-1",
            "lead-1", "c-1", "ada@lead.test");

    private static final String REPORT = """
            Content-Type: message/feedback-report\r
            \r
            Feedback-Type: abuse\r
            User-Agent: SomeFBL/1.0\r
            Version: 1\r
            Original-Rcpt-To: <ada@lead.test>\r
            \r
            --B\r
            Content-Type: message/rfc822\r
            \r
            Message-ID: <send-1@acme.test>\r
            Subject: Hello\r
            \r
            Hello Ada\r
            --B--\r
            """;

    @Test
    void readsAnAutoSubmittedArfReportAsAComplaintNotAnAutoReply() throws Exception {
        String arf = """
                Message-ID: <fbl-1@fbl.test>\r
                From: fbl@fbl.test\r
                Auto-Submitted: auto-generated\r
                Precedence: bulk\r
                X-Autoreply: yes\r
                In-Reply-To: <send-1@acme.test>\r
                Content-Type: multipart/report; report-type=feedback-report; boundary="B"\r
                \r
                --B\r
                Content-Type: text/plain\r
                \r
                This is an email abuse report.\r
                --B\r
                """ + REPORT;

        assertThat(classify(arf)).isInstanceOfSatisfying(Classification.FeedbackReport.class, f -> {
            assertThat(f.feedbackType()).isEqualTo("abuse");
            assertThat(f.recipient()).isEqualTo("ada@lead.test");
            assertThat(f.original()).isEqualTo(SENT);
        });
    }

    @Test
    void readsAReportTypeWithSpacesAndCapitalsAsAComplaint() throws Exception {
        String arf = """
                Message-ID: <fbl-2@fbl.test>\r
                Auto-Submitted: auto-replied\r
                Content-Type: Multipart/Report; Report-Type = "Feedback-Report";\r
                 boundary="B"\r
                \r
                --B\r
                """ + REPORT;

        assertThat(classify(arf)).isInstanceOf(Classification.FeedbackReport.class);
    }

    @Test
    void readsAnArfReportForwardedInsideAnotherMessageAsAComplaint() throws Exception {
        String forwarded = """
                Message-ID: <fwd-1@abuse.test>\r
                From: abuse@abuse.test\r
                Subject: Fwd: abuse report\r
                Auto-Submitted: auto-generated\r
                Content-Type: multipart/mixed; boundary="F"\r
                \r
                --F\r
                Content-Type: text/plain\r
                \r
                Forwarded report below.\r
                --F\r
                Content-Type: message/rfc822\r
                \r
                Message-ID: <fbl-3@fbl.test>\r
                Content-Type: multipart/report; report-type=feedback-report; boundary="B"\r
                \r
                --B\r
                """ + REPORT + """
                --F--\r
                """;

        assertThat(classify(forwarded)).isInstanceOfSatisfying(Classification.FeedbackReport.class,
                f -> assertThat(f.feedbackType()).isEqualTo("abuse"));
    }

    private static Classification classify(String raw) throws Exception {
        InboxMessage m = MimeContent.parse(raw.getBytes(StandardCharsets.US_ASCII));
        return InboxClassifier.classify(m, "org-1",
                id -> SENT.messageId().equals(id) ? Optional.of(SENT) : Optional.empty());
    }
}
