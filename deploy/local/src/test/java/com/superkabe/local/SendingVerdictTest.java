package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.RunSendRetryScheduled;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendFailureClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendingVerdictTest {

    private static final String TO = "barbara.liskov@example.com";

    private static SendRequested request(String mailbox, int step, int attempt) {
        return new SendRequested("org", "run", "send/" + step + "/" + attempt, "cmp", "lead", mailbox, step, TO,
                "Barbara", "Hi", "body", 10, "1 Example Street", false, attempt, null);
    }

    private static EmailSent sent(String mailbox, int step, int attempt) {
        return new EmailSent("org", "send/" + step + "/" + attempt, "run", "cmp", "lead", mailbox, step, TO,
                "<send/" + step + "/" + attempt + "@sending.superkabe.test>", 10);
    }

    private static EmailSendFailed failed(String kind, int code, SendFailureClass c) {
        return new EmailSendFailed("org", "send/0/0", "run", "cmp", "lead", "mb-r", 0, TO, kind, code,
                code + " 4.7.1 greylisted, try again later", 10, c, null);
    }

    private static RunSendRetryScheduled retry(SendFailureClass c) {
        return new RunSendRetryScheduled("org", "run", 0, 1, c, "mb-r", "451 greylisted", 13, 11);
    }

    private static final List<SuperkabeEvent> RETRIED = List.of(
            new RunMailboxAssigned("org", "run", null, "mb-r", "routed by score 1.00", 9), request("mb-r", 0, 0),
            failed("TRANSIENT", 451, SendFailureClass.TRANSIENT), retry(SendFailureClass.TRANSIENT),
            request("mb-r", 0, 1), sent("mb-r", 0, 1));
    private static final SendingVerdict.PeerRetry PEER_RETRIED =
            new SendingVerdict.PeerRetry(2, List.of("<send/0/1@sending.superkabe.test>"));

    @Test
    void passesWhenTheGreylistedAttemptWasRetriedAndOnlyTheRetryReachedThePeer() {
        SendingVerdict v = SendingVerdict.judgeRetry(RETRIED, PEER_RETRIED);
        assertThat(v.state()).isEqualTo(DemoVerdict.State.PASSED);
        assertThat(v.explanation()).contains("TRANSIENT", "exactly one message");
    }

    @Test
    void waitsForTheRetryAndSaysWhatIsMissing() {
        SendingVerdict v = SendingVerdict.judgeRetry(RETRIED.subList(0, 4), new SendingVerdict.PeerRetry(1, List.of()));
        assertThat(v.state()).isEqualTo(DemoVerdict.State.PENDING);
        assertThat(v.explanation()).contains("SendRequested attempt 1", "EmailSent for attempt 1", "second RCPT TO");
    }

    @Test
    void aFirstAttemptThatWasDeliveredOrAFailureOfAnotherClassFails() {
        List<SuperkabeEvent> deliveredAtOnce = List.of(RETRIED.getFirst(), request("mb-r", 0, 0), sent("mb-r", 0, 0));
        assertThat(SendingVerdict.judgeRetry(deliveredAtOnce, new SendingVerdict.PeerRetry(1,
                List.of("<send/0/0@sending.superkabe.test>"))).explanation()).contains("first attempt was delivered");
        List<SuperkabeEvent> refused = new ArrayList<>(RETRIED);
        refused.set(2, failed("HARD_BOUNCE", 550, SendFailureClass.SENDER));
        refused.set(3, retry(SendFailureClass.SENDER));
        SendingVerdict v = SendingVerdict.judgeRetry(refused, PEER_RETRIED);
        assertThat(v.state()).isEqualTo(DemoVerdict.State.FAILED);
        assertThat(v.explanation()).contains("failed SENDER (550), not TRANSIENT", "retry scheduled as SENDER");
    }

    @Test
    void thePeerMustHaveAcceptedExactlyTheRetrysMessage() {
        assertThat(SendingVerdict.judgeRetry(RETRIED, new SendingVerdict.PeerRetry(2,
                List.of("<send/0/0@x>", "<send/0/1@sending.superkabe.test>"))).explanation())
                .contains("accepted 2 messages");
        assertThat(SendingVerdict.judgeRetry(RETRIED, new SendingVerdict.PeerRetry(2, List.of("<other@x>"))).explanation())
                .contains("not the retry's");
    }

    private static final List<SuperkabeEvent> MOVED = List.of(
            new RunMailboxAssigned("org", "run", null, "mb-n", "routed by score 0.80", 9), request("mb-n", 0, 0),
            sent("mb-n", 0, 0), new RunMailboxAssigned("org", "run", "mb-n", "mb-s",
                    "moved: mb-n paused by protection for 3 ticks by score 0.80", 24),
            request("mb-s", 1, 0), sent("mb-s", 1, 0));

    @Test
    void passesWhenStepTwoLeftThePausedMailboxWithAReasonNamingThePause() {
        SendingVerdict v = SendingVerdict.judgeMove(MOVED, "mb-n", "north@x", List.of("north@x", "south@x"));
        assertThat(v.state()).isEqualTo(DemoVerdict.State.PASSED);
        assertThat(v.explanation()).contains("paused by protection for 3 ticks", "from south@x");
    }

    @Test
    void stepTwoFromThePausedMailboxFails() {
        List<SuperkabeEvent> stayed = List.of(MOVED.get(0), MOVED.get(1), MOVED.get(2), request("mb-n", 1, 0),
                sent("mb-n", 1, 0));
        SendingVerdict v = SendingVerdict.judgeMove(stayed, "mb-n", "north@x", List.of("north@x", "north@x"));
        assertThat(v.state()).isEqualTo(DemoVerdict.State.FAILED);
        assertThat(v.explanation()).contains("step 2 was requested from the paused mailbox");
    }

    @Test
    void aTimeoutWhileTheRunIsHeldFailsNamingTheWait() {
        SendingVerdict held = SendingVerdict.judgeMove(MOVED.subList(0, 3), "mb-n", "north@x", List.of("north@x"));
        assertThat(held.state()).isEqualTo(DemoVerdict.State.PENDING);
        SendingVerdict v = SendingVerdict.timedOut("step 2", held);
        assertThat(v.state()).isEqualTo(DemoVerdict.State.FAILED);
        assertThat(v.explanation()).startsWith("timed out waiting for step 2").contains("RunMailboxAssigned off the paused");
        assertThat(SendingVerdict.both(SendingVerdict.judgeRetry(RETRIED, PEER_RETRIED), held).state())
                .isEqualTo(DemoVerdict.State.PENDING);
    }
}
