package com.superkabe.replypoller.adapter.out.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.replypoller.ReplyPollerApplication;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gmail-API and Microsoft-Graph mailboxes end to end: a real broker and PostgreSQL, the inbox access
 * granted over REST, and local servers that follow the providers' documented contracts.
 */
class ApiMailboxesIT {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ORG = "org-" + UUID.randomUUID();
    private static final String KEY = "sk_" + UUID.randomUUID();
    private static FakeGmail gmail;
    private static FakeGraph graph;
    private static ConfigurableApplicationContext poller;
    private static KafkaProbe kafka;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        gmail = new FakeGmail("client-1.apps.googleusercontent.com", "gm-secret", "1//refresh-token", 2);
        graph = new FakeGraph("contoso.onmicrosoft.com", "app-1", "graph-secret", "sales@contoso.test", 2);
        poller = ReplyPollerApplication.builder().run(TestInfra.args(
                "--superkabe.poll.interval=" + POLL.toMillis() + "ms", "--superkabe.poll.read-timeout=5s",
                "--superkabe.providers.gmail.base-url=" + gmail.baseUrl(),
                "--superkabe.providers.gmail.token-url=" + gmail.tokenUrl(),
                "--superkabe.providers.graph.base-url=" + graph.baseUrl(),
                "--superkabe.providers.graph.token-url=" + graph.tokenUrl()));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(poller);
        kafka.publish(origin(new OrganizationRegistered(ORG, "Acme", ApiKeys.sha256(KEY))));
    }

    @AfterAll
    static void stop() {
        kafka.close();
        poller.close();
        gmail.close();
        graph.close();
    }

    @Test
    void aGmailMailboxPublishesOneReplyAndOneBounceAndAFullResyncAfterHistoryExpiryRepublishesNeither()
            throws Exception {
        register("mb-gmail", "sales@acme.test", "GMAIL");
        TestHttp.Response granted = grant("mb-gmail", Map.of("gmail", Map.of("clientId", gmail.clientId,
                "clientSecret", gmail.clientSecret, "refreshToken", gmail.refreshToken)));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.body()).doesNotContain(gmail.clientSecret).doesNotContain(gmail.refreshToken);
        sent("mb-gmail", "send-g1", "ada@lead.test");
        sent("mb-gmail", "send-g2", "gone@lead.test");

        gmail.deliver(Mails.reply("<news-1@news.test>", null, "Weekly digest"));
        gmail.deliver(Mails.reply("<reply-g1@lead.test>", "<send-g1@acme.test>", "Re: hello"));
        gmail.deliver(Mails.gmailDsn("send-g2@acme.test", "gone@lead.test"));

        assertThat(replies("mb-gmail", 1, WAIT)).singleElement().satisfies(e -> {
            ReplyReceived r = e.payloadAs(ReplyReceived.class);
            assertThat(r.replyId()).isEqualTo(EventIds.derive("mb-gmail/reply-g1@lead.test"));
            assertThat(r.sendId()).isEqualTo("send-g1");
            assertThat(r.runId()).isEqualTo("run-send-g1");
            assertThat(r.fromAddress()).isEqualTo("ada@lead.test");
        });
        assertThat(bounces("mb-gmail", 1, WAIT)).singleElement().satisfies(e -> {
            EmailBounced b = e.payloadAs(EmailBounced.class);
            assertThat(b.bounceClass()).isEqualTo("HARD");
            assertThat(b.status()).isEqualTo("5.1.1");
            assertThat(b.sendId()).isEqualTo("send-g2");
            assertThat(b.recipient()).isEqualTo("gone@lead.test");
        });

        long profilesBefore = count(gmail.apiRequests(), "GET /gmail/v1/users/me/profile");
        gmail.expireHistory();
        awaitTrue(() -> count(gmail.apiRequests(), "GET /gmail/v1/users/me/profile") > profilesBefore);
        Thread.sleep(POLL.multipliedBy(4).toMillis());
        assertThat(count(gmail.apiRequests(), "GET /gmail/v1/users/me/profile"))
                .as("one full resync, then history from the new cursor").isEqualTo(profilesBefore + 1);

        assertThat(replies("mb-gmail", 2, Duration.ofSeconds(1))).as("the resync re-read the reply").hasSize(1);
        assertThat(bounces("mb-gmail", 2, Duration.ofSeconds(1))).as("and the bounce").hasSize(1);
        assertThat(counter("superkabe_replypoller_messages", "already_processed")).isPositive();
    }

    @Test
    void aGraphMailboxPublishesOneReplySkipsPollingUntilRetryAfterAndResyncsAfter410WithoutDuplicates()
            throws Exception {
        register("mb-graph", "sales@contoso.test", "GRAPH");
        TestHttp.Response granted = grant("mb-graph", Map.of("graph", Map.of("tenant", graph.tenant,
                "clientId", graph.clientId, "clientSecret", graph.clientSecret)));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        sent("mb-graph", "send-m1", "ada@lead.test");

        graph.deliver(Mails.reply("<reply-m1@lead.test>", "<send-m1@acme.test>", "Re: hello"), Instant.now());
        graph.deliver(Mails.reply("<news-2@news.test>", null, "Digest"), Instant.now());
        graph.deliver(Mails.reply("<news-3@news.test>", null, "Digest"), Instant.now());

        assertThat(replies("mb-graph", 1, WAIT)).singleElement()
                .satisfies(e -> assertThat(e.payloadAs(ReplyReceived.class).sendId()).isEqualTo("send-m1"));

        graph.throttleNext(429, 3);
        awaitTrue(() -> counter("superkabe_replypoller_errors", "throttled") > 0);
        int afterThrottle = graph.apiRequests().size();
        Thread.sleep(2_000);
        assertThat(graph.apiRequests()).as("not asked again before Retry-After").hasSize(afterThrottle);
        assertThat(counter("superkabe_replypoller_polls", "throttled")).isPositive();
        awaitTrue(() -> graph.apiRequests().size() > afterThrottle);

        graph.expireDeltaTokens();
        int beforeResync = graph.apiRequests().size();
        awaitTrue(() -> graph.apiRequests().stream().skip(beforeResync).anyMatch(r -> r.contains("changeType=created")));
        Thread.sleep(POLL.multipliedBy(4).toMillis());

        assertThat(replies("mb-graph", 2, Duration.ofSeconds(1))).as("no duplicate after the resync").hasSize(1);
    }

    @Test
    void refusesInboxAccessForAnotherProvidersCredentialsNamingTheField() {
        register("mb-graph-2", "other@contoso.test", "GRAPH");

        TestHttp.Response r = grant("mb-graph-2", Map.of("gmail", Map.of("clientId", "c", "clientSecret", "s",
                "refreshToken", "t")));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("gmail").contains("GRAPH");
    }

    private static void register(String mailboxId, String address, String provider) {
        kafka.publish(origin(new MailboxRegistered(ORG, mailboxId, address, address.substring(address.indexOf('@') + 1),
                provider, 50, null, null)));
    }

    /** Grants access once the org's key and the mailbox have reached the poller. */
    private static TestHttp.Response grant(String mailboxId, Map<String, Object> body) {
        return TestHttp.until(() -> http.post("/api/v1/mailboxes/" + mailboxId + "/inbox-access", TestHttp.json(body),
                "X-Api-Key", KEY), r -> r.status() != 401 && r.status() != 404, WAIT);
    }

    /** Publishes EmailSent and waits until the poller knows it (a reply read before that stays unmatched). */
    private static void sent(String mailboxId, String sendId, String recipient) throws InterruptedException {
        kafka.publish(origin(new EmailSent(ORG, sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                recipient, "<" + sendId + "@acme.test>", 1)));
        JdbcClient jdbc = poller.getBean(JdbcClient.class);
        awaitTrue(() -> jdbc.sql("SELECT count(*) FROM sent_message WHERE send_id = ?").param(sendId)
                .query(Long.class).single() == 1);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static long count(List<String> requests, String request) {
        return requests.stream().filter(request::equals).count();
    }

    private static List<Envelope> replies(String mailboxId, int count, Duration timeout) {
        return kafka.awaitEvents(Topic.REPLIES.topicName(), e -> e.type() == EventType.REPLY_RECEIVED
                && e.payloadAs(ReplyReceived.class).mailboxId().equals(mailboxId), count, timeout);
    }

    private static List<Envelope> bounces(String mailboxId, int count, Duration timeout) {
        return kafka.awaitEvents(Topic.REPLIES.topicName(), e -> e.type() == EventType.EMAIL_BOUNCED
                && e.payloadAs(EmailBounced.class).mailboxId().equals(mailboxId), count, timeout);
    }

    private static double counter(String name, String outcome) {
        Counter c = poller.getBean(MeterRegistry.class).find(name).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
