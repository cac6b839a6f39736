package com.superkabe.sendadapter.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.superkabe.events.Envelope;
import com.superkabe.events.Topic;
import com.superkabe.events.mailbox.MailboxConnectionChanged;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sendadapter.SendAdapterApplication;
import com.superkabe.testsmtp.Answer;
import com.superkabe.testsmtp.SmtpPeer;
import com.superkabe.testsmtp.Step;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failures by class against a scriptable SMTP server (the receiving side of issue #9): greylisting,
 * a busy server, refused recipients and senders, a refused login, and a connection lost after DATA,
 * reconciled against the mailbox's Sent folder over IMAP (GreenMail).
 */
class SmtpFailureClassesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static SmtpPeer peer;
    private static GreenMail imap;
    private static GreenMailUser imapUser;
    private static SmtpMailboxFixture fixture;
    private static String reconciledMailbox;

    @BeforeAll
    static void start() {
        peer = SmtpPeer.start();
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
        imapUser = imap.setUser("ops@acme.test", "ops@acme.test", "pw");
        fixture = new SmtpMailboxFixture(SendAdapterApplication.builder().run(TestInfra.args(
                "--superkabe.reconciliation.delay=300ms", "--superkabe.reconciliation.poll-interval=100ms",
                "--superkabe.reconciliation.max-checks=3")), null, peer.port(), WAIT);
        reconciledMailbox = fixture.register("ops@acme.test", peer.port(), imap.getImap().getPort(), WAIT);
    }

    @AfterAll
    static void stop() {
        fixture.close();
        peer.close();
        imap.stop();
    }

    @Test
    void givenGreylisting_whenSent_thenTransientAndTheRetryWithANewSendIdIsSent() {
        String to = "grey-" + UUID.randomUUID() + "@example.com";
        peer.script(Step.RCPT, to, Answer.reply("451 4.7.1 Greylisted, try again later"), Answer.accept());

        EmailSendFailed first = failed(send(request(fixture.mailboxId, to, 0)));
        SendRequested retry = request(fixture.mailboxId, to, 1);
        Envelope second = outcome(send(retry));

        assertThat(first.kind()).isEqualTo("TRANSIENT");
        assertThat(first.failureClass()).isEqualTo(SendFailureClass.TRANSIENT);
        assertThat(first.smtpCode()).isEqualTo(451);
        assertThat(second.payload()).isInstanceOf(EmailSent.class);
        assertThat(peer.messagesTo(to)).singleElement().satisfies(m -> assertThat(m.header("Message-ID"))
                .contains("<" + retry.sendId() + "@acme.test>"));
    }

    @Test
    void givenA421AtMail_whenSent_thenTransient() {
        String to = "busy-" + UUID.randomUUID() + "@example.com";
        peer.script(Step.MAIL, Answer.reply("421 4.7.0 Too many connections, closing"));

        EmailSendFailed f = failed(send(request(fixture.mailboxId, to, 0)));

        assertThat(f.failureClass()).isEqualTo(SendFailureClass.TRANSIENT);
        assertThat(f.smtpCode()).isEqualTo(421);
    }

    @Test
    void givenAnUnknownRecipient_whenSent_thenRecipientClass() {
        String to = "gone-" + UUID.randomUUID() + "@example.com";
        peer.script(Step.RCPT, to, Answer.reply("550 5.1.1 The email account that you tried to reach does not exist"));

        EmailSendFailed f = failed(send(request(fixture.mailboxId, to, 0)));

        assertThat(f.kind()).isEqualTo("HARD_BOUNCE");
        assertThat(f.failureClass()).isEqualTo(SendFailureClass.RECIPIENT);
    }

    @Test
    void givenAPolicyBlockOfTheSender_whenSent_thenSenderClassAndTheLeadIsNotBlamed() {
        String to = "policy-" + UUID.randomUUID() + "@example.com";
        peer.script(Step.RCPT, to, Answer.reply("550 5.7.1 Service unavailable, client host blocked using Spamhaus"));

        EmailSendFailed f = failed(send(request(fixture.mailboxId, to, 0)));

        assertThat(f.failureClass()).isEqualTo(SendFailureClass.SENDER);
        assertThat(com.superkabe.events.send.RecipientFailure.addressCannotReceive(f)).isFalse();
    }

    @Test
    void givenARefusedLogin_whenSent_thenSenderClassTheMailboxIsDisconnectedUntilItsCredentialsAreUpdated()
            throws Exception {
        String mailbox = fixture.register("auth-" + UUID.randomUUID() + "@acme.test", peer.port(), null, WAIT);
        peer.script(Step.AUTH, Answer.reply("535 5.7.8 Username and Password not accepted"));

        EmailSendFailed f = failed(send(request(mailbox, "x-" + UUID.randomUUID() + "@example.com", 0)));
        List<Envelope> disconnected = fixture.kafka.awaitEvents(Topic.MAILBOXES.topicName(),
                e -> e.subject().equals(mailbox) && e.payload() instanceof MailboxConnectionChanged, 1, WAIT);
        TestHttp.Response view = fixture.http.get("/api/v1/mailboxes/" + mailbox, "X-Api-Key", fixture.key);
        int connections = peer.sessions().size();
        EmailSendFailed refused = failed(send(request(mailbox, "y-" + UUID.randomUUID() + "@example.com", 0)));
        int connectionsWhileDisconnected = peer.sessions().size() - connections;
        HttpResponse<String> put = put("/api/v1/mailboxes/" + mailbox + "/credentials", TestHttp.json(Map.of(
                "smtp", Map.of("host", "127.0.0.1", "port", peer.port(), "security", "NONE", "username", "u",
                        "password", "new"))));
        List<Envelope> changes = fixture.kafka.awaitEvents(Topic.MAILBOXES.topicName(),
                e -> e.subject().equals(mailbox) && e.payload() instanceof MailboxConnectionChanged, 2, WAIT);
        Envelope afterFix = outcome(send(request(mailbox, "z-" + UUID.randomUUID() + "@example.com", 0)));

        assertThat(f.failureClass()).isEqualTo(SendFailureClass.SENDER);
        assertThat(f.smtpCode()).isEqualTo(535);
        assertThat(disconnected).singleElement().satisfies(e -> assertThat(
                e.payloadAs(MailboxConnectionChanged.class).connected()).isFalse());
        assertThat(view.json().get("connection").get("status").asString()).isEqualTo("DISCONNECTED");
        assertThat(refused.failureClass()).isEqualTo(SendFailureClass.SENDER);
        assertThat(refused.detail()).contains("disconnected");
        assertThat(connectionsWhileDisconnected).isZero();
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(changes).extracting(e -> e.payloadAs(MailboxConnectionChanged.class).connected())
                .containsExactly(false, true);
        assertThat(afterFix.payload()).isInstanceOf(EmailSent.class);
    }

    @Test
    void givenCredentialsOfAnotherProvider_whenUpdating_thenAProblemNamesTheField() throws Exception {
        HttpResponse<String> put = put("/api/v1/mailboxes/" + fixture.mailboxId + "/credentials", TestHttp.json(
                Map.of("gmail", Map.of("clientId", "c", "clientSecret", "s", "refreshToken", "r"))));

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("\"field\":\"smtp\"");
    }

    @Test
    void givenTheConnectionDropsAfterData_andNoSentCopy_whenReconciled_thenAmbiguousAndNotResent() {
        String to = "lost-" + UUID.randomUUID() + "@example.com";
        peer.script(Step.DATA, to, Answer.dropConnection());

        EmailSendFailed f = failed(send(request(reconciledMailbox, to, 0)));

        assertThat(f.kind()).isEqualTo("AMBIGUOUS");
        assertThat(f.failureClass()).isEqualTo(SendFailureClass.AMBIGUOUS);
        assertThat(f.detail()).contains("not found in the Sent folder after 3 checks");
        assertThat(peer.sessions().stream().flatMap(s -> s.messages().stream())
                .filter(m -> m.recipients().contains(to))).hasSize(1);
    }

    @Test
    void givenTheConnectionDropsAfterData_andASentCopy_whenReconciled_thenSent() throws Exception {
        String to = "kept-" + UUID.randomUUID() + "@example.com";
        SendRequested r = request(reconciledMailbox, to, 0);
        peer.script(Step.DATA, to, Answer.dropConnection());
        putInSentFolder("<" + r.sendId() + "@acme.test>");

        Envelope o = outcome(send(r));

        assertThat(o.payload()).isInstanceOfSatisfying(EmailSent.class, s -> assertThat(s.messageId())
                .isEqualTo("<" + r.sendId() + "@acme.test>"));
    }

    @Test
    void givenARequestWithoutAMailingAddress_whenSent_thenRefusedAsASenderConfigurationFailure() {
        String to = "nofooter-" + UUID.randomUUID() + "@example.com";
        SendRequested r = new SendRequested(fixture.org, "run-x", UUID.randomUUID().toString(), "c-1", "lead-1",
                fixture.mailboxId, 0, to, "Ada", "Hello", "Hi", 3);

        EmailSendFailed f = failed(send(r));

        assertThat(f.kind()).isEqualTo("CONFIGURATION");
        assertThat(f.failureClass()).isEqualTo(SendFailureClass.SENDER);
        assertThat(f.detail()).contains("no mailing address");
        assertThat(peer.messagesTo(to)).isEmpty();
    }

    @Test
    void givenEuComplianceMode_whenSent_thenNoPixelAndNoClickRewritingButTheFooterAndUnsubscribeStay() {
        String to = "eu-" + UUID.randomUUID() + "@example.com";
        String sendId = UUID.randomUUID().toString();
        SendRequested r = new SendRequested(fixture.org, "run-" + sendId, sendId, "c-1", "lead-1", fixture.mailboxId,
                0, to, "Ada", "Hello", "<p>See <a href=\"https://acme.test/pricing\">pricing</a></p>", 3,
                SmtpMailboxFixture.MAILING_ADDRESS, true, 0, null);

        assertThat(outcome(send(r)).payload()).isInstanceOf(EmailSent.class);
        assertThat(peer.messagesTo(to)).singleElement().satisfies(m -> {
            assertThat(m.header("List-Unsubscribe")).hasValueSatisfying(v -> assertThat(v).contains("/t/u/"));
            assertThat(m.data()).contains("https://acme.test/pricing").doesNotContain("/t/o/")
                    .doesNotContain("/t/c/").contains("1 Main Street");
        });
    }

    private static SendRequested send(SendRequested r) {
        fixture.kafka.publish(SmtpMailboxFixture.origin(r));
        return r;
    }

    private static Envelope outcome(SendRequested r) {
        return fixture.kafka.awaitEvents(Topic.SEND_OUTCOMES.topicName(), e -> e.subject().equals(r.sendId()), 1, WAIT)
                .getFirst();
    }

    private static EmailSendFailed failed(SendRequested r) {
        Envelope e = outcome(r);
        assertThat(e.payload()).isInstanceOf(EmailSendFailed.class);
        return e.payloadAs(EmailSendFailed.class);
    }

    private static SendRequested request(String mailbox, String to, int attempt) {
        String sendId = UUID.randomUUID().toString();
        return new SendRequested(fixture.org, "run-" + to, sendId, "c-1", "lead-1", mailbox, 0, to, "Ada Lovelace",
                "Hello Ada", "Hi Ada,\nquick question.", 3, SmtpMailboxFixture.MAILING_ADDRESS, null, attempt, null);
    }

    private static HttpResponse<String> put(String path, String json) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + fixture.app.getEnvironment().getProperty("local.server.port") + path))
                .header("Content-Type", "application/json").header("X-Api-Key", fixture.key)
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void putInSentFolder(String messageId) throws Exception {
        MimeMessage copy = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        copy.setFrom("ops@acme.test");
        copy.setSubject("Hello Ada");
        copy.setText("Hi Ada");
        copy.saveChanges();
        var imapHosts = imap.getManagers().getImapHostManager();
        var sent = imapHosts.getFolder(imapUser, "Sent") != null ? imapHosts.getFolder(imapUser, "Sent")
                : imapHosts.createMailbox(imapUser, "Sent");
        sent.appendMessage(copy, new Flags(Flags.Flag.SEEN), new Date());
    }
}
