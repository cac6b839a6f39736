package com.superkabe.replypoller.adapter.in.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.Topic;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.send.EmailSent;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.testing.KafkaProbe;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.replypoller.ReplyPollerApplication;
import com.superkabe.replypoller.application.PollShare;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two reply-poller replicas on one broker, database and real IMAP server (ADR 0053): the consumer group's
 * assignment of {@code superkabe.mailboxes} splits the mailboxes between them, each mailbox is polled by
 * one, every reply is published once, and when one replica stops the other polls its mailboxes too.
 */
class ReplyPollerReplicasIT {

    private static final SecretBox SECRETS = new SecretBox(TestInfra.TEST_SECRET_KEY);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** After every expected reply came: ten poll intervals (300 ms) in which a second copy would show. */
    private static final Duration DUPLICATE_WINDOW = Duration.ofSeconds(3);
    private static final String ORG = "org-replicas";
    private static GreenMail mail;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;
    private static KafkaProbe kafka;

    static ConfigurableApplicationContext replica(String name) {
        return ReplyPollerApplication.builder().run(TestInfra.args("--superkabe.poll.interval=300ms",
                "--superkabe.instance-id=" + name, "--superkabe.mailbox.allowed-hosts=127.0.0.1"));
    }

    @BeforeAll
    static void start() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        a = replica("poller-a");
        b = replica("poller-b");
        kafka = new KafkaProbe(TestInfra.kafka().getBrokersAsString());
    }

    @AfterAll
    static void stop() {
        kafka.close();
        if (a.isActive()) {
            a.close();
        }
        b.close();
        mail.stop();
    }

    @Test
    void eachMailboxIsPolledByOneReplicaAndEveryReplyIsPublishedOnceAlsoAfterOneReplicaStops() throws Exception {
        // given two mailboxes on each partition of superkabe.mailboxes, each with a sent message
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> mailboxes = new ArrayList<>();
        int[] perPartition = new int[Topic.MAILBOXES.partitions()];
        for (int i = 0; mailboxes.size() < 2 * perPartition.length; i++) {
            String id = "mb-rep-" + run + "-" + i;
            int p = MailboxPartitionShare.partitionOf(id, perPartition.length);
            if (perPartition[p] < 2) {
                perPartition[p]++;
                mailboxes.add(id);
            }
        }
        for (String mb : mailboxes) {
            mail.setUser(mb + "@replicas.test", "pw");
            kafka.publish(origin(new MailboxRegistered(ORG, mb, mb + "@replicas.test", "replicas.test", "smtp", 50,
                    null, new MailboxRegistered.Endpoint("127.0.0.1", mail.getImap().getPort(), "NONE",
                    mb + "@replicas.test", SECRETS.encrypt("pw")))));
            kafka.publish(origin(new EmailSent(ORG, "send-" + mb, "run-" + mb, "c-rep", "lead-" + mb, mb, 0,
                    "ada@lead.test", "<send-" + mb + "@replicas.test>", 1)));
        }
        PollShare shareA = a.getBean(PollShare.class);
        PollShare shareB = b.getBean(PollShare.class);
        await(() -> mailboxes.stream().allMatch(m -> shareA.owns(m) ^ shareB.owns(m)), "the group splits the mailboxes");

        // when a reply reaches every mailbox
        for (String mb : mailboxes) {
            deliver(mb + "@replicas.test", "<reply-1-" + mb + "@lead.test>", "<send-" + mb + "@replicas.test>");
        }

        // then each mailbox is owned by exactly one replica, both replicas own some, and each reply is published once
        assertThat(mailboxes.stream().filter(shareA::owns)).as("A's share").isNotEmpty();
        assertThat(mailboxes.stream().filter(shareB::owns)).as("B's share").isNotEmpty();
        assertThat(repliesTo(mailboxes, "reply-1-", Duration.ofSeconds(20)))
                .as("one reply event per message").hasSize(mailboxes.size());

        // and when A stops, B polls every mailbox: the second replies are published once each
        a.close();
        await(() -> mailboxes.stream().allMatch(shareB::owns), "B takes A's mailboxes");
        for (String mb : mailboxes) {
            deliver(mb + "@replicas.test", "<reply-2-" + mb + "@lead.test>", "<send-" + mb + "@replicas.test>");
        }
        assertThat(repliesTo(mailboxes, "reply-2-", Duration.ofSeconds(20)))
                .as("one reply event per message after the failover").hasSize(mailboxes.size());
    }

    /**
     * This round's reply events: read until one per mailbox came (or the time is up), then read the topic again
     * for a few poll intervals more, so a duplicate published meanwhile would be seen.
     */
    private static List<ReplyReceived> repliesTo(List<String> mailboxes, String round, Duration time) {
        Set<String> ours = Set.copyOf(mailboxes);
        java.util.function.Predicate<com.superkabe.events.Envelope> match = e -> e.type() == EventType.REPLY_RECEIVED
                && ours.contains(e.payloadAs(ReplyReceived.class).mailboxId())
                && e.payloadAs(ReplyReceived.class).subjectLine().contains(round);
        kafka.awaitEvents(Topic.REPLIES.topicName(), match, mailboxes.size(), time);
        return kafka.awaitEvents(Topic.REPLIES.topicName(), match, mailboxes.size() + 1, DUPLICATE_WINDOW).stream()
                .map(e -> e.payloadAs(ReplyReceived.class)).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void deliver(String to, String messageId, String inReplyTo) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom("ada@lead.test");
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject("Re: hello " + messageId.substring(1, 9));
        m.setText("Thanks, let's talk.");
        m.setHeader("In-Reply-To", inReplyTo);
        Transport.send(m);
    }

    private static Envelope origin(SuperkabeEvent payload) {
        String id = UUID.randomUUID().toString();
        return new Envelope(id, EventType.of(payload), "test", Instant.now(), payload.orgId(), null, id, -1, payload);
    }
}
