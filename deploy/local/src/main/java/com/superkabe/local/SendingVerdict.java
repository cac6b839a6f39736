package com.superkabe.local;

import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.RunSendRetryScheduled;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendFailureClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the sending demo showed what it promises. Pure: a function of a run's trail (its
 * transitions and outcomes, in the order seen) and of what the SMTP peer recorded.
 * <ul>
 *   <li>retry: routed, attempt 0 answered TRANSIENT, a retry scheduled, attempt 1 sent, and the peer
 *       accepted exactly one message, the one attempt 1's EmailSent names;</li>
 *   <li>move: step 1 sent from the mailbox that was then paused, the run moved to another mailbox
 *       with a reason naming the pause, and step 2 sent from that one, as the peer saw it too.</li>
 * </ul>
 */
record SendingVerdict(DemoVerdict.State state, String explanation) {

    /** What the peer recorded for the retry's recipient: RCPT commands seen, Message-IDs accepted. */
    record PeerRetry(int rcpts, List<String> acceptedMessageIds) {
        PeerRetry {
            acceptedMessageIds = List.copyOf(acceptedMessageIds);
        }
    }

    static SendingVerdict judgeRetry(List<SuperkabeEvent> trail, PeerRetry peer) {
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        if (of(trail, RunMailboxAssigned.class).isEmpty()) {
            missing.add("RunMailboxAssigned");
        }
        Optional<SendRequested> first = request(trail, 0, 0);
        Optional<SendRequested> retry = request(trail, 0, 1);
        of(trail, EmailSendFailed.class).stream().filter(f -> f.effectiveClass() != SendFailureClass.TRANSIENT)
                .forEach(f -> wrong.add("attempt failed " + f.effectiveClass() + " (" + f.smtpCode() + "), not TRANSIENT"));
        of(trail, RunSendRetryScheduled.class).stream().filter(s -> s.failureClass() != SendFailureClass.TRANSIENT)
                .forEach(s -> wrong.add("retry scheduled as " + s.failureClass() + ", not TRANSIENT"));
        first.flatMap(r -> sent(trail, r.sendId())).ifPresent(s -> wrong.add("the first attempt was delivered:"
                + " the greylisting answer was not applied"));
        require(first.isPresent(), "SendRequested attempt 0", missing);
        require(of(trail, RunSendRetryScheduled.class).stream().anyMatch(s -> s.attempt() == 1),
                "RunSendRetryScheduled TRANSIENT for attempt 1", missing);
        require(retry.isPresent(), "SendRequested attempt 1", missing);
        Optional<EmailSent> delivered = retry.flatMap(r -> sent(trail, r.sendId()));
        require(delivered.isPresent(), "EmailSent for attempt 1", missing);
        if (peer.acceptedMessageIds().size() > 1) {
            wrong.add("the peer accepted " + peer.acceptedMessageIds().size() + " messages, not exactly one");
        }
        delivered.filter(d -> peer.acceptedMessageIds().size() == 1
                && !bare(peer.acceptedMessageIds().getFirst()).equals(bare(d.messageId())))
                .ifPresent(d -> wrong.add("the peer accepted " + peer.acceptedMessageIds().getFirst()
                        + ", not the retry's " + d.messageId()));
        require(peer.rcpts() >= 2, "a second RCPT TO at the peer (the retry)", missing);
        require(peer.acceptedMessageIds().size() == 1, "the peer's one accepted message", missing);
        return verdict(wrong, missing, "the first attempt was greylisted (TRANSIENT), retried on the logical clock,"
                + " and the peer accepted exactly one message: attempt 1's");
    }

    /** {@code senders}: the envelope senders of the messages the peer accepted for the run's recipient, in order. */
    static SendingVerdict judgeMove(List<SuperkabeEvent> trail, String pausedMailbox, String pausedAddress,
                                    List<String> senders) {
        List<String> wrong = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Optional<EmailSent> step1 = of(trail, EmailSent.class).stream().filter(s -> s.step() == 0).findFirst();
        step1.filter(s -> !s.mailboxId().equals(pausedMailbox))
                .ifPresent(s -> wrong.add("step 1 went out from " + s.mailboxId() + ", not the paused " + pausedMailbox));
        require(step1.isPresent(), "EmailSent for step 1", missing);
        of(trail, SendRequested.class).stream().filter(r -> r.step() == 1 && r.mailboxId().equals(pausedMailbox))
                .findFirst().ifPresent(r -> wrong.add("step 2 was requested from the paused mailbox"));
        Optional<RunMailboxAssigned> move = of(trail, RunMailboxAssigned.class).stream()
                .filter(a -> pausedMailbox.equals(a.fromMailboxId())).findFirst();
        move.filter(a -> a.toMailboxId().equals(pausedMailbox) || !a.reason().contains("paused"))
                .ifPresent(a -> wrong.add("the move's reason does not name the pause: " + a.reason()));
        require(move.isPresent(), "RunMailboxAssigned off the paused mailbox", missing);
        Optional<EmailSent> step2 = of(trail, EmailSent.class).stream().filter(s -> s.step() == 1).findFirst();
        move.flatMap(a -> step2.filter(s -> !s.mailboxId().equals(a.toMailboxId())))
                .ifPresent(s -> wrong.add("step 2 went out from " + s.mailboxId() + ", not the one the run moved to"));
        require(step2.isPresent(), "EmailSent for step 2", missing);
        if (senders.size() > 2 || !senders.isEmpty() && !senders.getFirst().equalsIgnoreCase(pausedAddress)
                || senders.size() == 2 && senders.get(1).equalsIgnoreCase(pausedAddress)) {
            wrong.add("the peer accepted mail from " + senders + ": step 1 from " + pausedAddress
                    + " and step 2 from another mailbox expected");
        }
        require(senders.size() == 2, "both steps accepted at the peer", missing);
        return verdict(wrong, missing, "step 1 went out from " + pausedAddress + "; once protection paused it the run"
                + " moved (\"" + move.map(RunMailboxAssigned::reason).orElse("?") + "\") and step 2 went out from "
                + (senders.size() == 2 ? senders.get(1) : "?"));
    }

    /** At the end of a wait that timed out: what is still missing is a failure. */
    static SendingVerdict timedOut(String waitingFor, SendingVerdict v) {
        if (v.state() != DemoVerdict.State.PENDING) {
            return v;
        }
        return new SendingVerdict(DemoVerdict.State.FAILED, "timed out waiting for " + waitingFor + " ("
                + v.explanation() + ")");
    }

    /** Both scenarios: failed if either failed, passed only if both passed. */
    static SendingVerdict both(SendingVerdict retry, SendingVerdict move) {
        DemoVerdict.State s = retry.state() == DemoVerdict.State.FAILED || move.state() == DemoVerdict.State.FAILED
                ? DemoVerdict.State.FAILED : retry.state() == DemoVerdict.State.PASSED
                && move.state() == DemoVerdict.State.PASSED ? DemoVerdict.State.PASSED : DemoVerdict.State.PENDING;
        return new SendingVerdict(s, "retry: " + retry.explanation() + "; move: " + move.explanation());
    }

    private static SendingVerdict verdict(List<String> wrong, List<String> missing, String passed) {
        if (!wrong.isEmpty()) {
            return new SendingVerdict(DemoVerdict.State.FAILED, String.join("; ", wrong));
        }
        if (!missing.isEmpty()) {
            return new SendingVerdict(DemoVerdict.State.PENDING, "waiting for: " + String.join(", ", missing));
        }
        return new SendingVerdict(DemoVerdict.State.PASSED, passed);
    }

    private static void require(boolean seen, String what, List<String> missing) {
        if (!seen) {
            missing.add(what);
        }
    }

    private static <T> List<T> of(List<SuperkabeEvent> trail, Class<T> type) {
        return trail.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static Optional<SendRequested> request(List<SuperkabeEvent> trail, int step, int attempt) {
        return of(trail, SendRequested.class).stream().filter(r -> r.step() == step && r.attemptNo() == attempt)
                .findFirst();
    }

    private static Optional<EmailSent> sent(List<SuperkabeEvent> trail, String sendId) {
        return of(trail, EmailSent.class).stream().filter(s -> s.sendId().equals(sendId)).findFirst();
    }

    private static String bare(String messageId) {
        return messageId == null ? "" : messageId.strip().replaceAll("^<|>$", "");
    }
}
