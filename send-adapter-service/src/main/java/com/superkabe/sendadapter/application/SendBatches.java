package com.superkabe.sendadapter.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sendadapter.domain.Delivery;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send use case for one poll of send requests. Requests are grouped by mailbox (the topic is keyed
 * by mailbox, so a poll holds runs of them) and each group goes over one connection. Every message is
 * claimed in its own committed transaction before the provider sees it and settled in another after:
 * a crash anywhere in a batch leaves at most the message in flight ATTEMPTING, which a redelivery
 * reports AMBIGUOUS and reconciles, never resends (ADR 0007).
 *
 * <p>Failures stay with their message. A delivery that throws instead of returning an outcome is
 * settled AMBIGUOUS (the message may have left) and the batch goes on, over a fresh connection. A
 * claim or settle that fails (the database) stops that mailbox's group, the other groups go on, and
 * {@link Interrupted} names the first failed request. A poll may spend at most {@code budget} claiming
 * new messages: when it is used up nothing more is claimed, and {@link Outcome#resumeAt} names the
 * first request left undone, to be delivered again.
 */
public class SendBatches {

    /** One send request and what to record with its claim (the inbox row), in the claim's transaction. */
    public record Incoming(Envelope request, Runnable recordWithClaim) {
    }

    /** How a poll ended: every request finished ({@code resumeAt} -1), or from which position to take it again. */
    public record Outcome(int resumeAt) {
        public boolean complete() {
            return resumeAt < 0;
        }
    }

    /**
     * Claiming or settling failed at {@code position} (nothing of the requests before
     * {@code firstUnfinished} is left to do; {@code firstUnfinished <= position}).
     */
    public static final class Interrupted extends RuntimeException {
        private final int position;
        private final int firstUnfinished;

        Interrupted(int position, int firstUnfinished, RuntimeException cause) {
            super("send request at position " + position + " could not be claimed or settled: " + cause, cause);
            this.position = position;
            this.firstUnfinished = firstUnfinished;
        }

        public int position() {
            return position;
        }

        public int firstUnfinished() {
            return firstUnfinished;
        }
    }

    /** The database failed while claiming or settling the request at {@code position}. */
    private static final class StoreFailed extends RuntimeException {
        final int position;

        StoreFailed(int position, RuntimeException cause) {
            super(cause);
            this.position = position;
        }
    }

    private final SendService sends;
    private final MailTransport transport;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Duration budget;
    private final LongSupplier nanoTime;

    public SendBatches(SendService sends, MailTransport transport, TransactionTemplate tx, MeterRegistry meters) {
        this(sends, transport, tx, meters, Duration.ofMinutes(2), System::nanoTime);
    }

    /** {@code nanoTime} is a monotonic clock (System::nanoTime), read to keep a poll within {@code budget}. */
    public SendBatches(SendService sends, MailTransport transport, TransactionTemplate tx, MeterRegistry meters,
                       Duration budget, LongSupplier nanoTime) {
        this.sends = sends;
        this.transport = transport;
        this.tx = tx;
        this.meters = meters;
        this.budget = budget;
        this.nanoTime = nanoTime;
    }

    /**
     * Sends a poll. Returns where to take it again if the time budget ran out; throws
     * {@link Interrupted} if claiming or settling a request failed.
     */
    public Outcome send(List<Incoming> poll) {
        long deadline = nanoTime.getAsLong() + budget.toNanos();
        Map<String, List<Integer>> byMailbox = new LinkedHashMap<>();
        for (int i = 0; i < poll.size(); i++) {
            byMailbox.computeIfAbsent(poll.get(i).request().payloadAs(SendRequested.class).mailboxId(),
                    k -> new ArrayList<>()).add(i);
        }
        boolean[] finished = new boolean[poll.size()];
        StoreFailed first = null;
        for (List<Integer> group : byMailbox.values()) {
            try {
                sendGroup(poll, group, finished, deadline);
            } catch (StoreFailed f) {
                // this mailbox's later messages wait (order); other mailboxes may still be claimed and settled
                first = first == null || f.position < first.position ? f : first;
            }
        }
        int firstUnfinished = -1;
        for (int i = finished.length - 1; i >= 0; i--) {
            if (!finished[i]) {
                firstUnfinished = i;
            }
        }
        if (first != null) {
            throw new Interrupted(first.position, firstUnfinished, (RuntimeException) first.getCause());
        }
        return new Outcome(firstUnfinished);
    }

    private void sendGroup(List<Incoming> poll, List<Integer> group, boolean[] finished, long deadline) {
        MailTransport.Connection connection = null;
        try {
            for (int position : group) {
                if (nanoTime.getAsLong() - deadline >= 0) {
                    return; // the poll's time is used up: the rest is left unclaimed, to come again
                }
                Incoming in = poll.get(position);
                Optional<SendService.Plan> plan;
                try {
                    plan = tx.execute(s -> {
                        in.recordWithClaim().run();
                        return sends.claim(in.request());
                    });
                } catch (RuntimeException e) {
                    throw new StoreFailed(position, e);
                }
                if (plan == null || plan.isEmpty()) {
                    finished[position] = true;
                    continue;
                }
                Delivery delivery;
                try {
                    if (connection == null) {
                        connection = transport.open(plan.get().mailbox());
                    }
                    delivery = connection.deliver(plan.get().email());
                } catch (RuntimeException e) {
                    // a transport broke its contract; where it stopped is unknown, so the message may have left
                    delivery = Delivery.ambiguous("the delivery failed unexpectedly and the message may have been "
                            + "sent: " + e);
                    closeQuietly(connection);
                    connection = null;
                }
                meters.counter("superkabe_sends", "outcome", delivery.kind().toLowerCase(Locale.ROOT)).increment();
                Delivery outcome = delivery;
                try {
                    tx.executeWithoutResult(s -> sends.settle(in.request(), plan.get(), outcome));
                } catch (RuntimeException e) {
                    throw new StoreFailed(position, e);
                }
                finished[position] = true;
            }
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(MailTransport.Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (RuntimeException ignored) {
            // the outcomes are decided; a failed close changes none of them
        }
    }
}
