package com.superkabe.local;

import com.superkabe.events.Envelope;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.run.RunMailboxAssigned;
import com.superkabe.events.run.RunSendRetryScheduled;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendOutcome;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One run as the sending demo follows it: its transitions from {@code GET /api/v1/runs/{runId}},
 * each with the payload read from the run topics, and its send outcomes, printed as they appear.
 * {@link #trail()} is everything printed, in order.
 */
final class RunWatch {

    /** How long a transition waits for its payload on the topic before it is printed without. */
    private static final long PAYLOAD_WAIT_NANOS = 5_000_000_000L;

    private final Http http;
    private final Map<String, String> auth;
    private final RunTopicsFollower topics;
    private final Map<String, String> addresses;
    private final String url;
    private final List<SuperkabeEvent> trail = new ArrayList<>();
    private int rowsShown;
    private int outcomesShown;
    private long waitingSince = -1;
    private String status = "?";

    /** {@code addresses}: mailbox id to address, so lines name mailboxes as people know them. */
    RunWatch(Http http, String apiKey, RunTopicsFollower topics, Map<String, String> addresses, String runId) {
        this.http = http;
        this.auth = Map.of("X-Api-Key", apiKey);
        this.topics = topics;
        this.addresses = Map.copyOf(addresses);
        this.url = ServiceSpec.named("sequencer-service").baseUrl() + "/api/v1/runs/" + runId;
    }

    String url() {
        return url;
    }

    /** Reads the run once, prints what is new; returns the run's status. */
    String poll() throws InterruptedException {
        JsonNode body;
        try {
            Http.Response r = http.get(url, auth);
            if (!r.isSuccess()) {
                return status;
            }
            body = r.body();
        } catch (IOException e) {
            Console.warn("GET " + url + " failed: " + e.getMessage());
            return status;
        }
        status = body.path("run").path("status").asString(status);
        JsonNode rows = body.path("transitions");
        while (rowsShown < rows.size() && show(rows.get(rowsShown))) {
            rowsShown++;
        }
        List<SendOutcome> outcomes = topics.outcomes(body.path("run").path("runId").asString(""));
        for (; outcomesShown < outcomes.size(); outcomesShown++) {
            SendOutcome o = outcomes.get(outcomesShown);
            trail.add(o);
            Console.info("             " + describe(o));
        }
        return status;
    }

    /** Prints one transition with its payload; false while the payload may still be on its way. */
    private boolean show(JsonNode row) {
        Optional<Envelope> e = topics.event(row.path("eventId").asString(""));
        if (e.isEmpty()) {
            if (waitingSince < 0) {
                waitingSince = System.nanoTime();
            }
            if (System.nanoTime() - waitingSince < PAYLOAD_WAIT_NANOS) {
                return false;
            }
        }
        waitingSince = -1;
        String type = e.map(x -> x.payload().getClass().getSimpleName()).orElse(row.path("type").asString("?"));
        String detail = e.map(x -> describe(x.payload())).filter(d -> !d.isEmpty())
                .orElse(e.isPresent() ? "status " + row.path("status").asString("?") : "(payload not read from the topic)");
        e.ifPresent(x -> trail.add(x.payload()));
        Console.info(String.format("    tick %-5s %-22s %s", row.path("tick").asString("?"), type, detail));
        return true;
    }

    List<SuperkabeEvent> trail() {
        return List.copyOf(trail);
    }

    private String describe(SuperkabeEvent event) {
        return switch (event) {
            case RunMailboxAssigned a -> (a.fromMailboxId() == null ? "" : name(a.fromMailboxId()) + " → ")
                    + name(a.toMailboxId()) + "; reason: " + a.reason();
            case SendRequested r -> "step " + (r.step() + 1) + ", attempt " + r.attemptNo() + ", from "
                    + name(r.mailboxId()) + " to " + r.toAddress() + " (send " + r.sendId() + ")";
            case RunSendRetryScheduled s -> s.failureClass() + ", attempt " + s.attempt() + " due at tick "
                    + s.dueTick() + "; " + s.reason();
            case RunStepAdvanced a -> "step " + (a.nextStep() + 1) + " due at tick " + a.dueTick();
            case EmailSent s -> "EmailSent          step " + (s.step() + 1) + " from " + name(s.mailboxId())
                    + ", Message-ID " + s.messageId();
            case EmailSendFailed f -> "EmailSendFailed    step " + (f.step() + 1) + " from " + name(f.mailboxId())
                    + ": " + f.smtpCode() + " " + f.effectiveClass() + " — " + f.detail();
            default -> "";
        };
    }

    private String name(String mailboxId) {
        return addresses.getOrDefault(mailboxId, mailboxId);
    }
}
