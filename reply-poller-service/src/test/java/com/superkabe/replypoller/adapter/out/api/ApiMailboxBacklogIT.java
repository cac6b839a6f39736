package com.superkabe.replypoller.adapter.out.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.security.ApiKeys;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestHttp;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.replypoller.ReplyPollerApplication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API mailboxes whose cursor must not skip anything (ADR 0021): more replies than
 * {@code max-messages-per-mailbox} (3 here) arrive on three or more provider pages and each is published
 * exactly once over successive polls; a reply read before its EmailSent is published once the send is known.
 * Real broker and PostgreSQL; the providers are the local fakes. Both Gmail mailboxes read the one fake
 * account, so each test counts only the replies to its own sends.
 */
class ApiMailboxBacklogIT {

    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String ORG = "org-" + UUID.randomUUID();
    private static final String KEY = "sk_" + UUID.randomUUID();
    private static FakeGmail gmail;
    private static FakeGraph graph;
    private static ConfigurableApplicationContext poller;
    private static KafkaProbe kafka;
    private static TestHttp http;
    private static JdbcClient jdbc;

    @BeforeAll
    static void start() {
        gmail = new FakeGmail("client-2.apps.googleusercontent.com", "gm-secret-2", "1//refresh-token-2", 2);
        graph = new FakeGraph("fabrikam.onmicrosoft.com", "app-2", "graph-secret-2", "sales@fabrikam.test", 2);
        poller = ReplyPollerApplication.builder().run(TestInfra.args(
                "--superkabe.poll.interval=" + POLL.toMillis() + "ms", "--superkabe.poll.read-timeout=5s",
                "--superkabe.poll.max-messages-per-mailbox=3",
                "--superkabe.providers.gmail.base-url=" + gmail.baseUrl(),
                "--superkabe.providers.gmail.token-url=" + gmail.tokenUrl(),
                "--superkabe.providers.graph.base-url=" + graph.baseUrl(),
                "--superkabe.providers.graph.token-url=" + graph.tokenUrl()));
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
        http = TestHttp.of(poller);
        jdbc = poller.getBean(JdbcClient.class);
        kafka.publish(origin(new OrganizationRegistered(ORG, "Fabrikam", ApiKeys.sha256(KEY))));
    }

    @AfterAll
    static void stop() {
        kafka.close();
        poller.close();
        gmail.close();
        graph.close();
    }

    @Test
    void givenAGmailMailboxWhenSevenRepliesArriveOnFourHistoryPagesWithMaxMessagesThreeThenEachIsPublishedExactlyOnce()
            throws Exception {
        String mailbox = "mb-gmail-backlog";
        connectGmail(mailbox);
        List<String> sends = sends(mailbox, "gb", 7);

        for (String send : sends) {
            gmail.deliver(Mails.reply("<reply-" + send + "@lead.test>", "<" + send + "@acme.test>", "Re: " + send));
        }

        assertEachRepliedOnce(mailbox, sends);
    }

    @Test
    void givenAGraphMailboxWhenSevenRepliesArriveOnFourDeltaPagesWithMaxMessagesThreeThenEachIsPublishedExactlyOnce()
            throws Exception {
        String mailbox = "mb-graph-backlog";
        register(mailbox, "sales@fabrikam.test", "GRAPH");
        assertThat(grant(mailbox, Map.of("graph", Map.of("tenant", graph.tenant, "clientId", graph.clientId,
                "clientSecret", graph.clientSecret))).status()).isEqualTo(200);
        awaitTrue(() -> cursor(mailbox) != null);
        List<String> sends = sends(mailbox, "mb", 7);

        for (String send : sends) {
            graph.deliver(Mails.reply("<reply-" + send + "@lead.test>", "<" + send + "@acme.test>", "Re: " + send),
                    Instant.now());
        }

        assertEachRepliedOnce(mailbox, sends);
    }

    @Test
    void givenAReplyReadBeforeItsEmailSentWhenTheEmailSentArrivesThenALaterPollPublishesItOnce() throws Exception {
        String mailbox = "mb-gmail-early";
        connectGmail(mailbox);
        String before = cursor(mailbox);

        gmail.deliver(Mails.reply("<reply-early@lead.test>", "<send-early@acme.test>", "Re: quick"));
        awaitTrue(() -> !before.equals(cursor(mailbox)));
        awaitTrue(() -> kept(mailbox, "reply-early@lead.test"));
        Thread.sleep(POLL.multipliedBy(2).toMillis());
        assertThat(replies(mailbox, Set.of("send-early"), 1, Duration.ofMillis(200)))
                .as("nothing to match yet, and the cursor has passed the reply").isEmpty();

        sent(mailbox, "send-early");

        assertThat(replies(mailbox, Set.of("send-early"), 1, WAIT)).singleElement().satisfies(e -> assertThat(
                e.payloadAs(ReplyReceived.class).replyId()).isEqualTo(EventIds.derive(mailbox + "/reply-early@lead.test")));
        awaitTrue(() -> !kept(mailbox, "reply-early@lead.test"));
        Thread.sleep(POLL.multipliedBy(4).toMillis());
        assertThat(replies(mailbox, Set.of("send-early"), 2, Duration.ofSeconds(1))).hasSize(1);
    }

    private static void connectGmail(String mailbox) throws InterruptedException {
        register(mailbox, "sales@acme.test", "GMAIL");
        assertThat(grant(mailbox, Map.of("gmail", Map.of("clientId", gmail.clientId, "clientSecret",
                gmail.clientSecret, "refreshToken", gmail.refreshToken))).status()).isEqualTo(200);
        awaitTrue(() -> cursor(mailbox) != null); // the first full sync is done: what comes next is new
    }

    private static List<String> sends(String mailbox, String prefix, int n) throws InterruptedException {
        List<String> sends = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String send = "send-" + prefix + i + "-" + UUID.randomUUID();
            sent(mailbox, send);
            sends.add(send);
        }
        return sends;
    }

    private static void assertEachRepliedOnce(String mailbox, List<String> sends) throws InterruptedException {
        assertThat(replies(mailbox, Set.copyOf(sends), sends.size(), WAIT)).as("every reply, none skipped")
                .hasSize(sends.size());
        Thread.sleep(POLL.multipliedBy(5).toMillis());
        List<Envelope> all = replies(mailbox, Set.copyOf(sends), sends.size() + 1, Duration.ofSeconds(1));
        assertThat(all.stream().map(e -> e.payloadAs(ReplyReceived.class).sendId()).toList())
                .as("exactly once each").containsExactlyInAnyOrderElementsOf(sends);
    }

    private static void register(String mailboxId, String address, String provider) {
        kafka.publish(origin(new MailboxRegistered(ORG, mailboxId, address, address.substring(address.indexOf('@') + 1),
                provider, 50, null, null)));
    }

    private static TestHttp.Response grant(String mailboxId, Map<String, Object> body) {
        return TestHttp.until(() -> http.post("/api/v1/mailboxes/" + mailboxId + "/inbox-access", TestHttp.json(body),
                "X-Api-Key", KEY), r -> r.status() != 401 && r.status() != 404, WAIT);
    }

    private static void sent(String mailboxId, String sendId) throws InterruptedException {
        kafka.publish(origin(new EmailSent(ORG, sendId, "run-" + sendId, "c-1", "lead-" + sendId, mailboxId, 0,
                "ada@lead.test", "<" + sendId + "@acme.test>", 1)));
        awaitTrue(() -> jdbc.sql("SELECT count(*) FROM sent_message WHERE send_id = ?").param(sendId)
                .query(Long.class).single() == 1);
    }

    private static String cursor(String mailboxId) {
        return jdbc.sql("SELECT position FROM inbox_cursor WHERE mailbox_id = ?").param(mailboxId)
                .query(String.class).optional().orElse(null);
    }

    private static boolean kept(String mailboxId, String messageId) {
        return jdbc.sql("SELECT count(*) FROM unmatched_message WHERE mailbox_id = ? AND message_id = ?")
                .params(mailboxId, messageId).query(Long.class).single() == 1;
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within " + WAIT).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static List<Envelope> replies(String mailboxId, Set<String> sendIds, int count, Duration timeout) {
        return kafka.awaitEvents(Topic.REPLIES.topicName(), e -> e.type() == EventType.REPLY_RECEIVED
                && e.payloadAs(ReplyReceived.class).mailboxId().equals(mailboxId)
                && sendIds.contains(e.payloadAs(ReplyReceived.class).sendId()), count, timeout);
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
