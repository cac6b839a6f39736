package com.superkabe.sendadapter.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sendadapter.domain.Delivery;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send use case for one poll of send requests. Requests are grouped by mailbox (the topic is keyed
 * by mailbox, so a poll holds runs of them) and each group goes over one connection. Every message is
 * claimed in its own committed transaction before the provider sees it and settled in another after:
 * a crash anywhere in a batch leaves at most the message in flight ATTEMPTING, which a redelivery
 * reports AMBIGUOUS and reconciles, never resends (ADR 0007).
 */
public class SendBatches {

    /** One send request and what to record with its claim (the inbox row), in the claim's transaction. */
    public record Incoming(Envelope request, Runnable recordWithClaim) {
    }

    private final SendService sends;
    private final MailTransport transport;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;

    public SendBatches(SendService sends, MailTransport transport, TransactionTemplate tx, MeterRegistry meters) {
        this.sends = sends;
        this.transport = transport;
        this.tx = tx;
        this.meters = meters;
    }

    public void send(List<Incoming> poll) {
        Map<String, List<Incoming>> byMailbox = new LinkedHashMap<>();
        for (Incoming in : poll) {
            byMailbox.computeIfAbsent(in.request().payloadAs(SendRequested.class).mailboxId(), k -> new ArrayList<>())
                    .add(in);
        }
        byMailbox.values().forEach(this::sendGroup);
    }

    private void sendGroup(List<Incoming> group) {
        MailTransport.Connection connection = null;
        try {
            for (Incoming in : group) {
                Optional<SendService.Plan> plan = tx.execute(s -> {
                    in.recordWithClaim().run();
                    return sends.claim(in.request());
                });
                if (plan == null || plan.isEmpty()) {
                    continue;
                }
                if (connection == null) {
                    connection = transport.open(plan.get().mailbox());
                }
                Delivery delivery = connection.deliver(plan.get().email());
                meters.counter("superkabe_sends", "outcome", delivery.kind().toLowerCase(Locale.ROOT)).increment();
                tx.executeWithoutResult(s -> sends.settle(in.request(), plan.get(), delivery));
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }
}
