package com.superkabe.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.sequencer.adapter.out.jdbc.RecordedHistory;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One lead's whole life across all six services, with real parts only: REST intake → ingestion
 * gate → execution gate → sequencer (Axon, logical clock) → SMTP to GreenMail → a reply in the
 * mailbox's IMAP inbox → the run stops and its second step is never sent. Then the sequencer's
 * recorded inputs, fed to a fresh instance, reproduce exactly the same run transitions.
 */
class LeadLifecycleE2EIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String MAILBOX = "sales@demo.test";
    private static GreenMail mail;
    private static Platform platform;

    @BeforeAll
    static void start() {
        E2eBroker.bootstrap();
        TestInfra.postgres();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(MAILBOX, MAILBOX, "pw");
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
    void aLeadReceivesTheFirstStepItsReplyStopsTheRunAndReplayReproducesTheTransitions() throws Exception {
        TestHttp ingestion = platform.http(platform.ingestion);
        JsonNode org = ingestion.post("/admin/v1/organizations", "{\"name\":\"E2E Org\"}", "X-Admin-Token",
                Platform.ADMIN_TOKEN).json();
        String key = org.get("apiKey").asString();

        TestHttp.Response address = TestHttp.until(() -> ingestion.put("/api/v1/organization/mailing-address",
                TestHttp.json(Map.of("mailingAddress", "E2E Org, 1 Main St, Springfield, IL 62701")), "X-Api-Key", key),
                x -> x.status() != 401, WAIT);
        assertThat(address.status()).as(address.body()).isEqualTo(200);
        String mailboxId = created(platform.http(platform.sendAdapter), "/api/v1/mailboxes", key, Map.of(
                "address", MAILBOX, "provider", "SMTP", "dailyLimit", 50,
                "smtp", endpoint(mail.getSmtp().getPort()), "imap", endpoint(mail.getImap().getPort())))
                .get("mailboxId").asString();
        String campaignId = created(platform.http(platform.sequencer), "/api/v1/campaigns", key, Map.of(
                "name", "E2E", "status", "ACTIVE", "mailboxIds", List.of(mailboxId), "steps", List.of(
                        Map.of("subject", "Quick question, {{firstName}}", "body",
                                "Hi {{firstName}},\nis {{company}} hiring?", "delayTicks", 0),
                        Map.of("subject", "Following up", "body", "Hi {{firstName}}, bumping this.", "delayTicks", 24))))
                .get("campaignId").asString();

        String adaLead = created(ingestion, "/api/v1/leads", key, lead("ada@prospects.superkabe.dev", "Ada", campaignId))
                .get("leadId").asString();
        created(ingestion, "/api/v1/leads", key, lead("grace@prospects.superkabe.dev", "Grace", campaignId));

        MimeMessage first = awaitMail("ada@prospects.superkabe.dev", 1).getFirst();
        assertThat(first.getSubject()).isEqualTo("Quick question, Ada");
        assertThat(first.getContent().toString()).contains("Hi Ada,").contains("is Analytical Engines hiring?");
        assertThat(first.getFrom()[0].toString()).isEqualTo(MAILBOX);
        assertThat(first.getMessageID()).matches("<[0-9a-f-]{36}@demo\\.test>");

        reply(first);

        JsonNode adaRun = awaitRun(platform.http(platform.sequencer), key, campaignId, adaLead, "REPLIED");
        assertThat(adaRun.get("currentStep").asInt()).isEqualTo(1);
        List<MimeMessage> grace = awaitMail("grace@prospects.superkabe.dev", 2);
        assertThat(grace.get(1).getSubject()).isEqualTo("Following up");
        assertThat(awaitMail("ada@prospects.superkabe.dev", 1)).as("Ada's second step is never sent").hasSize(1);

        RecordedHistory.Verification replay = platform.sequencer.getBean(RecordedHistory.class)
                .verify(new InMemoryRuns());
        assertThat(replay.reproduced()).as("runs not reproduced: %s", replay.mismatchedRuns()).isTrue();
        assertThat(replay.runs()).isEqualTo(2);
        assertThat(replay.events()).isGreaterThanOrEqualTo(8);

        JsonNode counts = TestHttp.until(() -> platform.http(platform.protection).get("/api/v1/protection/mailboxes/" + mailboxId,
                "X-Api-Key", key), r -> r.status() == 200 && r.json().get("sends").asInt() == 3, WAIT).json();
        assertThat(counts.get("sends").asInt()).as("protection counted every send").isEqualTo(3);
        assertThat(counts.get("bounces").asInt()).isZero();
    }

    private static Map<String, Object> endpoint(int port) {
        return Map.of("host", "127.0.0.1", "port", port, "security", "NONE", "username", MAILBOX, "password", "pw");
    }

    private static Map<String, Object> lead(String email, String firstName, String campaignId) {
        return Map.of("email", email, "firstName", firstName, "lastName", "Test", "company", "Analytical Engines",
                "campaignId", campaignId);
    }

    /** POSTs as the organization, waiting out the moment before the service has learnt the API key. */
    private static JsonNode created(TestHttp http, String path, String key, Map<String, Object> body) {
        TestHttp.Response r = TestHttp.until(() -> http.post(path, TestHttp.json(body), "X-Api-Key", key),
                // 409 until the sequencer has heard of the organization's mailing address
                x -> x.status() != 401 && x.status() != 409, WAIT);
        assertThat(r.status()).as(path + " → " + r.body()).isEqualTo(201);
        return r.json();
    }

    private static List<MimeMessage> awaitMail(String recipient, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<MimeMessage> found = List.of();
        while (System.nanoTime() < deadline) {
            found = Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(recipient)).toList();
            if (found.size() >= count) {
                Thread.sleep(1_500);
                return Arrays.stream(mail.getReceivedMessages()).filter(m -> to(m).equals(recipient)).toList();
            }
            Thread.sleep(200);
        }
        return found;
    }

    private static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (MessagingException | NullPointerException e) {
            return "";
        }
    }

    private static void reply(MimeMessage original) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage reply = new MimeMessage(Session.getInstance(p));
        reply.setFrom(new InternetAddress("ada@prospects.superkabe.dev"));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        reply.setSubject("Re: " + original.getSubject());
        reply.setHeader("In-Reply-To", original.getMessageID());
        reply.setHeader("References", original.getMessageID());
        reply.setText("Yes, let's talk.");
        Transport.send(reply);
    }

    private static JsonNode awaitRun(TestHttp sequencer, String key, String campaignId, String leadId, String status) {
        TestHttp.Response r = TestHttp.until(() -> sequencer.get("/api/v1/campaigns/" + campaignId + "/runs",
                "X-Api-Key", key), x -> x.status() == 200 && run(x.json(), leadId) != null
                && status.equals(run(x.json(), leadId).get("status").asString()), WAIT);
        JsonNode run = run(r.json(), leadId);
        assertThat(run).as(r.body()).isNotNull();
        assertThat(run.get("status").asString()).isEqualTo(status);
        return run;
    }

    private static JsonNode run(JsonNode runs, String leadId) {
        for (JsonNode run : runs) {
            if (run.get("leadId").asString().equals(leadId)) {
                return run;
            }
        }
        return null;
    }
}
