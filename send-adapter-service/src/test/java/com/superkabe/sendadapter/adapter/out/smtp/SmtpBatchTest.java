package com.superkabe.sendadapter.adapter.out.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.Envelope;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.application.InMemorySendPorts;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.OutgoingEmail;
import com.superkabe.sendadapter.application.SendBatches;
import com.superkabe.sendadapter.config.SmtpProperties;
import com.superkabe.sendadapter.domain.AttemptState;
import com.superkabe.sendadapter.domain.Delivery;
import com.superkabe.testsmtp.Answer;
import com.superkabe.testsmtp.SmtpPeer;
import com.superkabe.testsmtp.Step;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import com.superkabe.mailguard.GuardedSockets;
import com.superkabe.mailguard.MailHostPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One mailbox's batch through {@code SendBatches} and the real SMTP transport, against the scriptable
 * peer (ports in memory): the SMTP conversation of a batch, and what a crash in the middle of a batch
 * leaves behind when the same poll is delivered again.
 */
class SmtpBatchTest {

    private static final String ADDRESS = "sales@acme.test";
    private static final Set<String> TRANSACTION_VERBS = Set.of("MAIL", "RCPT", "DATA", "RSET");

    static final GuardedSockets LOOPBACK_ALLOWED = new GuardedSockets(
            MailHostPolicy.of(List.of("127.0.0.0/8", "::1", "localhost"), List.of()));

    private final SecretBox secrets = new SecretBox(Base64.getEncoder().encodeToString(new byte[32]));
    private final SmtpMailTransport smtp = new SmtpMailTransport(secrets,
            new SmtpProperties(Duration.ofSeconds(5), Duration.ofSeconds(10)), Clock.systemUTC(), LOOPBACK_ALLOWED);
    private final InMemorySendPorts ports = new InMemorySendPorts();
    private SmtpPeer peer;

    @BeforeEach
    void start() {
        peer = SmtpPeer.start().user(ADDRESS, "pw");
        ports.smtpMailbox("mb-1", ADDRESS, peer.host(), peer.port(), secrets.encrypt("pw"));
    }

    @AfterEach
    void stop() {
        peer.close();
    }

    @Test
    void givenOneMailboxsBatchOfThreeMessages_whenSent_thenOneConnectionOneLoginAndRsetBetweenTheMessages() {
        List<SendBatches.Incoming> batch = requests(3);

        ports.batches(smtp).send(batch);

        assertThat(peer.sessions()).singleElement().satisfies(session -> {
            assertThat(session.logins()).containsExactly(ADDRESS);
            assertThat(session.verbs()).filteredOn("AUTH"::equals).hasSize(1);
            assertThat(session.verbs().stream().filter(TRANSACTION_VERBS::contains).toList()).containsExactly(
                    "MAIL", "RCPT", "DATA",
                    "RSET", "MAIL", "RCPT", "DATA",
                    "RSET", "MAIL", "RCPT", "DATA");
            assertThat(session.messages()).hasSize(3);
        });
        assertThat(sent()).extracting(EmailSent::sendId).containsExactly("s-1", "s-2", "s-3");
    }

    @Test
    void givenACrashRightAfterTheSecondOfFourMessages_whenTheSameBatchIsRedelivered_thenNoMessageIsDeliveredTwiceAndTheInterruptedOneIsReportedAmbiguous() {
        List<SendBatches.Incoming> batch = requests(4);
        assertThatThrownBy(() -> ports.batches(crashingAfter(2)).send(batch)).hasMessageContaining("crash");
        assertThat(ports.attempts).containsEntry("s-1", AttemptState.SENT).containsEntry("s-2", AttemptState.ATTEMPTING)
                .doesNotContainKeys("s-3", "s-4");

        ports.batches(smtp).send(batch);
        int reconciled = ports.reconciler.runDue();

        IntStream.rangeClosed(1, 4).forEach(i -> assertThat(peer.messagesTo(recipient(i)))
                .as("deliveries to " + recipient(i)).hasSize(1));
        assertThat(peer.messages()).hasSize(4);
        assertThat(ports.attempts).containsEntry("s-1", AttemptState.SENT).containsEntry("s-2", AttemptState.AMBIGUOUS)
                .containsEntry("s-3", AttemptState.SENT).containsEntry("s-4", AttemptState.SENT);
        assertThat(reconciled).isEqualTo(1);
        assertThat(ports.pending).isEmpty();
        assertThat(sent()).extracting(EmailSent::sendId).containsExactlyInAnyOrder("s-1", "s-3", "s-4");
        assertThat(failed()).singleElement().satisfies(f -> {
            assertThat(f.sendId()).isEqualTo("s-2");
            assertThat(f.failureClass()).isEqualTo(SendFailureClass.AMBIGUOUS);
            assertThat(f.detail()).contains("not resent");
        });
    }

    @Test
    void givenAMailboxOnALoopbackHost_whenTheAllowListIsEmpty_thenNoConnectionIsMadeAndTheSendFailsAsSenderConfiguration() {
        SmtpMailTransport strict = new SmtpMailTransport(secrets,
                new SmtpProperties(Duration.ofSeconds(5), Duration.ofSeconds(10)), Clock.systemUTC(),
                new GuardedSockets(MailHostPolicy.strict()));

        long started = System.nanoTime();
        ports.batches(strict).send(requests(2));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(peer.sessions()).as("nothing reached the host").isEmpty();
        assertThat(sent()).isEmpty();
        assertThat(failed()).hasSize(2).allSatisfy(f -> {
            assertThat(f.failureClass()).isEqualTo(SendFailureClass.SENDER);
            assertThat(f.kind()).isEqualTo("CONFIGURATION");
            assertThat(f.detail()).contains("not allowed").contains("loopback")
                    .contains("superkabe.mailbox.allowed-hosts");
        });
    }

    @Test
    void givenLoopbackAllowListed_whenTheMailboxPointsAtOneOfThePlatformsOwnPorts_thenItIsStillRefused() {
        SmtpMailTransport guarded = new SmtpMailTransport(secrets,
                new SmtpProperties(Duration.ofSeconds(5), Duration.ofSeconds(10)), Clock.systemUTC(),
                new GuardedSockets(MailHostPolicy.of(List.of("127.0.0.0/8"), List.of(peer.port()))));

        ports.batches(guarded).send(requests(1));

        assertThat(peer.sessions()).isEmpty();
        assertThat(failed()).singleElement().satisfies(f -> assertThat(f.detail())
                .contains("port " + peer.port()).contains("platform's own services"));
    }

    /** The real transport, but the process "dies" right after the k-th message was delivered, before it is settled. */
    private MailTransport crashingAfter(int k) {
        AtomicInteger delivered = new AtomicInteger();
        return mailbox -> {
            MailTransport.Connection real = smtp.open(mailbox);
            return new MailTransport.Connection() {
                @Override
                public Delivery deliver(OutgoingEmail email) {
                    Delivery d = real.deliver(email);
                    if (delivered.incrementAndGet() == k) {
                        throw new ProcessDeath("crash after message " + k);
                    }
                    return d;
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
    }

    @Test
    void givenAPollOfFourWhoseSecondDeliveryThrows_whenSent_thenTheFirstThirdAndFourthAreSentAndReportedAndTheSecondIsReportedAmbiguous() {
        List<SendBatches.Incoming> poll = requests(4);

        SendBatches.Outcome outcome = ports.batches(throwingOn(2)).send(poll);
        ports.reconciler.runDue();

        assertThat(outcome.complete()).isTrue();
        assertThat(peer.messages()).hasSize(3);
        assertThat(sent()).extracting(EmailSent::sendId).containsExactly("s-1", "s-3", "s-4");
        assertThat(failed()).singleElement().satisfies(f -> {
            assertThat(f.sendId()).isEqualTo("s-2");
            assertThat(f.failureClass()).isEqualTo(SendFailureClass.AMBIGUOUS);
            assertThat(f.detail()).contains("failed unexpectedly");
        });
        assertThat(ports.attempts).containsEntry("s-2", AttemptState.AMBIGUOUS);
    }

    @Test
    void givenTheDatabaseFailsWhileSettlingTheSecondOfFour_whenSent_thenTheBatchStopsThereAndNamesItAndTheRestIsLeftUnclaimed() {
        ports.unavailableForSettling.add("s-2");

        assertThatThrownBy(() -> ports.batches(smtp).send(requests(4)))
                .isInstanceOfSatisfying(SendBatches.Interrupted.class, e -> {
                    assertThat(e.position()).isEqualTo(1);
                    assertThat(e.firstUnfinished()).isEqualTo(1);
                    assertThat(e).hasRootCauseMessage("database unavailable while settling s-2");
                });

        assertThat(ports.attempts).containsEntry("s-1", AttemptState.SENT).containsEntry("s-2", AttemptState.ATTEMPTING)
                .doesNotContainKeys("s-3", "s-4");
        assertThat(sent()).extracting(EmailSent::sendId).containsExactly("s-1");
    }

    @Test
    void givenAPollWhoseTimeBudgetRunsOutAfterThreeSends_whenSent_thenTheFourthIsNeitherClaimedNorSentAndIsNamedForRedelivery() {
        AtomicLong nanos = new AtomicLong();
        MailTransport twoSecondsEach = slowed(nanos, Duration.ofSeconds(2));

        SendBatches.Outcome outcome = ports.batches(twoSecondsEach, Duration.ofSeconds(5), nanos::get).send(requests(4));

        assertThat(outcome.resumeAt()).isEqualTo(3);
        assertThat(peer.messages()).hasSize(3);
        assertThat(ports.attempts).doesNotContainKey("s-4");
        assertThat(sent()).extracting(EmailSent::sendId).containsExactly("s-1", "s-2", "s-3");

        SendBatches.Outcome again = ports.batches(smtp).send(requests(4));

        assertThat(again.complete()).isTrue();
        assertThat(peer.messages()).hasSize(4);
        assertThat(sent()).extracting(EmailSent::sendId).containsExactly("s-1", "s-2", "s-3", "s-4");
    }

    @Test
    void givenTheServerAnswers454TooManyLoginAttemptsToAuth_whenABatchIsSent_thenItsMessagesAreTransientAndTheMailboxStaysConnected() {
        peer.script(Step.AUTH, Answer.reply("454 4.7.0 Too many login attempts, please try again later"));

        ports.batches(smtp).send(requests(2));

        assertThat(peer.messages()).isEmpty();
        assertThat(ports.disconnected).isEmpty();
        assertThat(failed()).hasSize(2).allSatisfy(f -> {
            assertThat(f.failureClass()).isEqualTo(SendFailureClass.TRANSIENT);
            assertThat(f.smtpCode()).isEqualTo(454);
            assertThat(f.detail()).contains("Too many login attempts");
        });
    }

    @Test
    void givenTheServerAnswers535ToAuth_whenABatchIsSent_thenTheMailboxIsDisconnected() {
        peer.script(Step.AUTH, Answer.reply("535 5.7.8 Username and Password not accepted"));

        ports.batches(smtp).send(requests(1));

        assertThat(ports.disconnected).containsKey("mb-1");
        assertThat(failed()).singleElement().satisfies(f -> {
            assertThat(f.failureClass()).isEqualTo(SendFailureClass.SENDER);
            assertThat(f.smtpCode()).isEqualTo(535);
        });
    }

    /** The real transport, but the k-th delivery throws a runtime exception instead of returning an outcome. */
    private MailTransport throwingOn(int k) {
        AtomicInteger deliveries = new AtomicInteger();
        return mailbox -> {
            MailTransport.Connection real = smtp.open(mailbox);
            return new MailTransport.Connection() {
                @Override
                public Delivery deliver(OutgoingEmail email) {
                    if (deliveries.incrementAndGet() == k) {
                        throw new IllegalStateException("unexpected failure in the client");
                    }
                    return real.deliver(email);
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
    }

    /** The real transport on a clock of its own that each delivery moves on by {@code each}, as pacing would. */
    private MailTransport slowed(AtomicLong nanos, Duration each) {
        return mailbox -> {
            MailTransport.Connection real = smtp.open(mailbox);
            return new MailTransport.Connection() {
                @Override
                public Delivery deliver(OutgoingEmail email) {
                    nanos.addAndGet(each.toNanos());
                    return real.deliver(email);
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
    }

    /** Stands for the process dying: an Error, which nothing in the send path handles. */
    private static final class ProcessDeath extends Error {
        ProcessDeath(String message) {
            super(message);
        }
    }

    private static List<SendBatches.Incoming> requests(int n) {
        return IntStream.rangeClosed(1, n)
                .mapToObj(i -> InMemorySendPorts.request("s-" + i, "mb-1", recipient(i), "Hello " + i))
                .toList();
    }

    private static String recipient(int i) {
        return "lead" + i + "@example.test";
    }

    private List<EmailSent> sent() {
        return ports.published.stream().map(Envelope::payload).filter(EmailSent.class::isInstance)
                .map(EmailSent.class::cast).toList();
    }

    private List<EmailSendFailed> failed() {
        return ports.published.stream().map(Envelope::payload).filter(EmailSendFailed.class::isInstance)
                .map(EmailSendFailed.class::cast).toList();
    }
}
