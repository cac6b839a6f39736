package com.superkabe.local;

import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.send.EmailSent;
import com.superkabe.testsmtp.Answer;
import com.superkabe.testsmtp.ReceivedMessage;
import com.superkabe.testsmtp.SmtpPeer;
import com.superkabe.testsmtp.Step;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sending demo, on real SMTP: a scriptable peer (test-smtp-peer) plays the receiving side.
 * First, a recipient greylists the first attempt with a 451; the run schedules a TRANSIENT retry on
 * the logical clock and the retry is delivered. Second, a run's mailbox is paused by an operator
 * at protection between two steps; after the campaign's reassignAfterTicks the run moves to the
 * campaign's other mailbox, recording why, and step 2 goes out from there.
 */
final class SendingDemo {

    private static final Duration RUN_APPEARS = Duration.ofSeconds(30);
    private static final Duration RETRY_DONE = Duration.ofSeconds(40);
    private static final Duration STEP_ONE_SENT = Duration.ofSeconds(30);
    /** The follow-up delay and the reassignment wait are 13 ticks (13 s); the rest is slack for a busy machine. */
    private static final Duration MOVE_DONE = Duration.ofSeconds(45);

    private final Http http;
    private final SendingSeeder seeder;
    private String apiKey;
    private Map<String, String> mailboxes;

    SendingDemo(Http http) {
        this.http = http;
        this.seeder = new SendingSeeder(http);
    }

    SendingVerdict run() throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (SmtpPeer peer = SmtpPeer.start()) {
            peer.script(Step.RCPT, SendingDemoData.BARBARA.email(), Answer.reply(SendingDemoData.GREYLISTED));
            Console.info("SMTP peer (test-smtp-peer) listening on " + peer.host() + ":" + peer.port() + ": the first"
                    + " RCPT TO:<" + SendingDemoData.BARBARA.email() + "> is answered \"" + SendingDemoData.GREYLISTED
                    + "\", every later one 250");
            List<String> org = seeder.organization();
            apiKey = org.get(1);
            try (RunTopicsFollower topics = RunTopicsFollower.start(org.get(0))) {
                mailboxes = seeder.mailboxes(SendingDemoData.MAILBOXES, peer.host(), peer.port());
                SendingVerdict retry = retry(peer, topics);
                Console.info("retry " + retry.state() + ": " + retry.explanation());
                SendingVerdict move = move(peer, topics);
                Console.info("move " + move.state() + ": " + move.explanation());
                Console.info("sending demo took " + Console.seconds(Duration.ofNanos(System.nanoTime() - start)));
                return SendingVerdict.both(retry, move);
            }
        }
    }

    private SendingVerdict retry(SmtpPeer peer, RunTopicsFollower topics) throws IOException, InterruptedException {
        Console.info("--- 1. greylisting: a 451 on the first attempt, delivered on the retry (retry backoff here"
                + " 2 ticks doubling to at most 8, instead of 15 → 240)");
        String campaignId = seeder.campaign(SendingDemoData.retryCampaign(idOf(SendingDemoData.RETRY_MAILBOX)),
                "one step, from " + SendingDemoData.RETRY_MAILBOX);
        String to = SendingDemoData.BARBARA.email();
        seeder.lead(SendingDemoData.BARBARA, campaignId);
        RunWatch run = awaitRun(campaignId, to, topics);
        if (run == null) {
            return SendingVerdict.timedOut("the run of " + to, SendingVerdict.judgeRetry(List.of(), peerRetry(peer, to)));
        }
        boolean settled = Await.until(RETRY_DONE, () -> {
            run.poll();
            return SendingVerdict.judgeRetry(run.trail(), peerRetry(peer, to)).state() != DemoVerdict.State.PENDING;
        });
        Thread.sleep(1500);
        run.poll();
        SendingVerdict.PeerRetry seen = peerRetry(peer, to);
        Console.info("the peer saw RCPT TO:<" + to + "> " + seen.rcpts() + " times (the first answered 451) and"
                + " accepted " + seen.acceptedMessageIds().size() + " message(s) for it: " + seen.acceptedMessageIds());
        SendingVerdict v = SendingVerdict.judgeRetry(run.trail(), seen);
        return settled ? v : SendingVerdict.timedOut("the retry to be delivered", v);
    }

    private SendingVerdict move(SmtpPeer peer, RunTopicsFollower topics) throws IOException, InterruptedException {
        Console.info("--- 2. a run moved off a paused mailbox: two mailboxes, step 2 " + SendingDemoData.FOLLOW_UP_DELAY
                + " ticks after step 1, reassignAfterTicks " + SendingDemoData.REASSIGN_AFTER_TICKS);
        List<String> pool = List.of(idOf(SendingDemoData.FIRST_MAILBOX), idOf(SendingDemoData.SECOND_MAILBOX));
        String campaignId = seeder.campaign(SendingDemoData.moveCampaign(pool), "two steps, from "
                + SendingDemoData.FIRST_MAILBOX + " or " + SendingDemoData.SECOND_MAILBOX);
        String to = SendingDemoData.EDSGER.email();
        seeder.lead(SendingDemoData.EDSGER, campaignId);
        RunWatch run = awaitRun(campaignId, to, topics);
        if (run == null) {
            return SendingVerdict.timedOut("the run of " + to, SendingVerdict.judgeMove(List.of(), "?", "?", List.of()));
        }
        if (!Await.until(STEP_ONE_SENT, () -> {
            run.poll();
            return stepOneSent(run).isPresent();
        })) {
            return SendingVerdict.timedOut("step 1 to be sent", SendingVerdict.judgeMove(run.trail(), "?", "?",
                    senders(peer, to)));
        }
        String paused = stepOneSent(run).orElseThrow().mailboxId();
        String pausedAddress = mailboxes.get(paused);
        Console.info("step 1 went out from " + pausedAddress + "; protection now pauses that mailbox (as an operator"
                + " would, with a forced transition)");
        seeder.pause(paused, pausedAddress);
        boolean settled = Await.until(MOVE_DONE, () -> {
            run.poll();
            return SendingVerdict.judgeMove(run.trail(), paused, pausedAddress, senders(peer, to)).state()
                    != DemoVerdict.State.PENDING;
        });
        Thread.sleep(1500);
        run.poll();
        run.trail().stream().filter(e -> e instanceof RunMailboxAssigned a && paused.equals(a.fromMailboxId()))
                .map(RunMailboxAssigned.class::cast)
                .forEach(a -> Console.info("the run moved: RunMailboxAssigned " + pausedAddress + " → "
                        + mailboxes.get(a.toMailboxId()) + " at tick " + a.tick() + ", reason \"" + a.reason() + "\""));
        Console.info("the peer accepted mail for " + to + " from " + senders(peer, to));
        SendingVerdict v = SendingVerdict.judgeMove(run.trail(), paused, pausedAddress, senders(peer, to));
        return settled ? v : SendingVerdict.timedOut("step 2 from the other mailbox", v);
    }

    private RunWatch awaitRun(String campaignId, String to, RunTopicsFollower topics) throws InterruptedException {
        String[] runId = new String[1];
        if (!Await.until(RUN_APPEARS, () -> (runId[0] = seeder.runId(campaignId, to)) != null)) {
            Console.warn("no run for " + to + " at the sequencer within " + Console.seconds(RUN_APPEARS));
            return null;
        }
        RunWatch w = new RunWatch(http, apiKey, topics, mailboxes, runId[0]);
        Console.info("run " + runId[0] + " of " + to + ": its transitions from GET " + w.url()
                + ", payloads and outcomes from the superkabe.runs / send-requests / send-outcomes topics");
        return w;
    }

    private static Optional<EmailSent> stepOneSent(RunWatch run) {
        return run.trail().stream().filter(e -> e instanceof EmailSent s && s.step() == 0).map(EmailSent.class::cast)
                .findFirst();
    }

    private static SendingVerdict.PeerRetry peerRetry(SmtpPeer peer, String to) {
        String rcpt = "<" + to.toLowerCase(Locale.ROOT) + ">";
        int rcpts = (int) peer.sessions().stream().flatMap(s -> s.commands().stream())
                .map(c -> c.toLowerCase(Locale.ROOT)).filter(c -> c.startsWith("rcpt") && c.contains(rcpt)).count();
        List<String> ids = peer.messagesTo(to).stream().map(m -> m.header("Message-ID").orElse("?")).toList();
        return new SendingVerdict.PeerRetry(rcpts, ids);
    }

    private static List<String> senders(SmtpPeer peer, String to) {
        return peer.messagesTo(to).stream().map(ReceivedMessage::mailFrom).toList();
    }

    private String idOf(String address) {
        return mailboxes.entrySet().stream().filter(e -> e.getValue().equals(address)).map(Map.Entry::getKey)
                .findFirst().orElseThrow();
    }

    List<String> summaryLines() {
        if (apiKey == null) {
            return List.of();
        }
        return List.of("sending demo: org \"" + SendingDemoData.ORG_NAME + "\" API key " + apiKey
                + " (its mailboxes sent through a peer that has stopped with the demo)");
    }
}
