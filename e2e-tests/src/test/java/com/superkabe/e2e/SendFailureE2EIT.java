package com.superkabe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.superkabe.events.EventType;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.SendRequested;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.adapter.out.jdbc.RecordedHistory;
import com.superkabe.testsmtp.Answer;
import com.superkabe.testsmtp.ReceivedMessage;
import com.superkabe.testsmtp.SmtpPeer;
import com.superkabe.testsmtp.Step;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Send failures by class (ADR 0019) across all six services, against a scriptable SMTP peer: a
 * greylisted first contact (TRANSIENT) is retried on the logical clock and delivered, and a mailbox
 * whose sender is blocked (SENDER) hands the step to another mailbox of the campaign. Neither is the
 * recipient's fault, so neither bounces or suppresses the lead.
 */
class SendFailureE2EIT {

    private static final String MAILING_ADDRESS = "E2E Org, 1 Main St, Springfield, IL 62701";
    private static GreenMail mail;
    private static Platform platform;

    @BeforeAll
    static void start() {
        E2eBroker.bootstrap();
        TestInfra.postgres();
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        platform = new Platform("250ms", "300ms");
    }

    @AfterAll
    static void stop() {
        // null when start() was skipped (no Docker under -Ptestcontainers) or failed part-way
        if (platform != null) {
            platform.close();
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void aGreylistedFirstContactIsDeliveredOnTheRetryAndTheLeadStaysMailable() throws Exception {
        try (SmtpPeer peer = SmtpPeer.start()) {
            // given a receiving server that greylists Ada's first delivery attempt
            String ada = "ada@prospects.superkabe.dev";
            peer.script(Step.RCPT, ada, Answer.reply("451 4.7.1 greylisted"), Answer.accept());
            Organization org = Organization.withMailingAddress(platform, "Greylisted Org", MAILING_ADDRESS);
            String mailbox = org.smtpMailbox("sales@greylist.test", peer.port());
            String campaignId = org.campaign(Map.of("name", "Greylisting", "status", "ACTIVE",
                    "mailboxIds", List.of(mailbox), "steps", List.of(firstContact())));

            // when Ada is submitted into the active campaign
            String leadId = org.lead(ada, "Ada", campaignId);

            // then the step is retried on the logical clock and the run moves on
            String runId = org.awaitRun(campaignId, leadId, "COMPLETED").get("runId").asString();
            List<String> transitions = transitionTypes(org.run(runId));
            assertThat(transitions).as("transitions of run %s", runId).containsSubsequence(
                    "SendRequested", "RunSendRetryScheduled", "SendRequested", "RunCompleted");
            assertThat(transitions).filteredOn("SendRequested"::equals).hasSize(2);

            // and the peer accepted exactly one message for Ada: the retry's, after refusing the first attempt
            assertThat(rcptCommandsFor(peer, ada)).as("RCPT TO attempts for Ada").isEqualTo(2);
            assertThat(peer.messagesTo(ada)).hasSize(1);
            ReceivedMessage delivered = peer.messagesTo(ada).getFirst();
            List<SendRequested> sends = sendsOf(runId);
            assertThat(sends).extracting(SendRequested::attempt).containsExactly(null, 1);
            assertThat(delivered.header("Message-ID")).hasValue("<" + sends.get(1).sendId() + "@greylist.test>");

            // and it carries the CAN-SPAM footer and the one-click unsubscribe headers
            String unsubscribe = delivered.header("List-Unsubscribe").orElseThrow();
            assertThat(unsubscribe).matches("<https?://[^>]+/t/u/[^>]+>");
            assertThat(delivered.header("List-Unsubscribe-Post")).hasValue("List-Unsubscribe=One-Click");
            assertThat(text(delivered)).contains("Hi Ada,").contains(MAILING_ADDRESS)
                    .contains(unsubscribe.substring(1, unsubscribe.length() - 1));

            // and ingestion keeps Ada mailable: her sequence completed, she did not bounce
            JsonNode lead = org.awaitLead(leadId, l -> "COMPLETED".equals(l.get("status").asString()));
            assertThat(lead.get("status").asString()).as(lead.toString()).isEqualTo("COMPLETED");
            assertThat(lead.get("suppressed").asBoolean()).as(lead.toString()).isFalse();
        }
    }

    @Test
    void aReputationBlockOfOneMailboxSendsTheStepFromAnotherAndSuppressesNobody() throws Exception {
        try (SmtpPeer blocking = SmtpPeer.start()) {
            // given mailbox A, whose server refuses every message from it, and mailbox B on a server that accepts
            blocking.script(Step.MAIL, IntStream.range(0, 10).mapToObj(i -> Answer.reply("550 5.7.1 blocked"))
                    .toArray(Answer[]::new));
            String grace = "grace@prospects.superkabe.dev";
            String addressB = "sales@clean.test";
            mail.setUser(addressB, addressB, "pw");
            Organization org = Organization.withMailingAddress(platform, "Blocked Org", MAILING_ADDRESS);
            String mailboxA = org.smtpMailbox("outreach@blocked.test", blocking.port());
            String mailboxB = org.smtpMailbox(addressB, mail.getSmtp().getPort());
            // B's small campaign cap leaves A the larger capacity, so routing tries A first (ADR 0019 score)
            String campaignId = org.campaign(Map.of("name", "Reputation", "status", "ACTIVE",
                    "mailboxIds", List.of(mailboxA, mailboxB), "mailboxDailyLimits", Map.of(mailboxB, 5),
                    "steps", List.of(firstContact())));

            // when Grace is submitted into the campaign
            String leadId = org.lead(grace, "Grace", campaignId);

            // then the run completes, having moved off A because A refused the step
            String runId = org.awaitRun(campaignId, leadId, "COMPLETED").get("runId").asString();
            assertThat(transitionTypes(org.run(runId))).as("transitions of run %s", runId).containsExactly(
                    "RunEnrolled", "RunStarted", "RunMailboxAssigned", "SendRequested", "RunSendRetryScheduled",
                    "RunMailboxAssigned", "SendRequested", "RunCompleted");
            List<RunMailboxAssigned> moves = storedEvents(runId).stream()
                    .filter(RunMailboxAssigned.class::isInstance).map(RunMailboxAssigned.class::cast).toList();
            assertThat(moves).extracting(RunMailboxAssigned::toMailboxId).containsExactly(mailboxA, mailboxB);
            assertThat(moves.get(1).fromMailboxId()).isEqualTo(mailboxA);
            assertThat(moves.get(1).reason()).contains(mailboxA).contains("refused");

            // and the step was delivered once, from B; A was tried once and delivered nothing
            List<MimeMessage> received = receivedBy(grace);
            assertThat(received).hasSize(1);
            assertThat(received.getFirst().getFrom()[0].toString()).isEqualTo(addressB);
            assertThat(blocking.messages()).isEmpty();
            assertThat(blocking.sessions().stream().flatMap(s -> s.verbs().stream()).filter("MAIL"::equals))
                    .as("MAIL FROM attempts on A's server").hasSize(1);

            // and nobody is suppressed: Grace completed in ingestion, and protection counted no bounce against A
            JsonNode lead = org.awaitLead(leadId, l -> "COMPLETED".equals(l.get("status").asString()));
            assertThat(lead.get("status").asString()).as(lead.toString()).isEqualTo("COMPLETED");
            assertThat(lead.get("suppressed").asBoolean()).as(lead.toString()).isFalse();
            JsonNode protectionA = org.awaitProtectionView(mailboxA, m -> m.get("sends").asInt() >= 1);
            assertThat(protectionA.get("bounces").asInt()).as(protectionA.toString()).isZero();
        }
    }

    private static Map<String, Object> firstContact() {
        return Map.of("subject", "Quick question, {{firstName}}", "body", "Hi {{firstName}},\nis {{company}} hiring?",
                "delayTicks", 0);
    }

    /** The run's transitions by event name (RunEnrolled, SendRequested, …), oldest first. */
    private static List<String> transitionTypes(JsonNode run) {
        return StreamSupport.stream(run.get("transitions").spliterator(), false)
                .map(t -> EventType.ofWireName(t.get("type").asString()).recordType().getSimpleName()).toList();
    }

    /** The run's events as the sequencer stored them, with the payloads (reasons) the run view leaves out. */
    private static List<RunEvent> storedEvents(String runId) {
        return platform.sequencer.getBean(RecordedHistory.class).storedRunEvents().getOrDefault(runId, List.of());
    }

    private static List<SendRequested> sendsOf(String runId) {
        return storedEvents(runId).stream().filter(SendRequested.class::isInstance).map(SendRequested.class::cast)
                .toList();
    }

    private static long rcptCommandsFor(SmtpPeer peer, String recipient) {
        return peer.sessions().stream().flatMap(s -> s.commands().stream())
                .filter(c -> c.toUpperCase(Locale.ROOT).startsWith("RCPT TO:")
                        && c.toLowerCase(Locale.ROOT).contains("<" + recipient + ">"))
                .count();
    }

    /** The decoded text of a message as the peer received it (quoted-printable or not). */
    private static String text(ReceivedMessage m) throws MessagingException, IOException {
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(m.data().getBytes(StandardCharsets.ISO_8859_1)));
        return parsed.getContent().toString();
    }

    private static List<MimeMessage> receivedBy(String recipient) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient.equals(to(m))).toList();
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException | NullPointerException e) {
            return "";
        }
    }
}
