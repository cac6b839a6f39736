package com.superkabe.sendadapter.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Service;
import com.superkabe.events.run.SendRequested;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.sendadapter.domain.AttemptState;
import com.superkabe.sendadapter.domain.Delivery;
import com.superkabe.sendadapter.domain.TrackingTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The send use case's ports kept in memory, so {@link SendBatches}, {@link SendService} and
 * {@link Reconciler} run their real code (claim, deliver over a real transport, settle, reconcile) without
 * the database or the broker. Transactions are no-ops: what a crash leaves is what was recorded before it.
 * There is no way to look in a Sent folder, so reconciliation reports AMBIGUOUS.
 */
public final class InMemorySendPorts {

    public static final String ORG = "org-1";
    public static final String MAILING_ADDRESS = "Acme Inc., 1 Main Street, Springfield, IL 62701, USA";
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    public final Map<String, Mailbox> mailboxes = new ConcurrentHashMap<>();
    public final Map<String, AttemptState> attempts = new ConcurrentHashMap<>();
    public final Map<String, Delivery> settled = new ConcurrentHashMap<>();
    public final List<Envelope> published = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, PendingReconciliations.Pending> pending = new ConcurrentHashMap<>();
    /** Mailboxes disconnected because their login was refused, with the reason. */
    public final Map<String, String> disconnected = new ConcurrentHashMap<>();
    /** Send ids whose settle fails as if the database were down. */
    public final Set<String> unavailableForSettling = ConcurrentHashMap.newKeySet();
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final TransactionTemplate tx = new TransactionTemplate(new NoTransactions());
    private final Envelopes envelopes = new Envelopes(Service.SEND_ADAPTER, clock);

    private final Mailboxes boxes = new Mailboxes() {
        @Override
        public boolean insert(Mailbox m) {
            return mailboxes.putIfAbsent(m.mailboxId(), m) == null;
        }

        @Override
        public Optional<Mailbox> find(String id) {
            return Optional.ofNullable(mailboxes.get(id));
        }

        @Override
        public java.util.List<Mailbox> ofOrganization(String orgId) {
            return mailboxes.values().stream().filter(m -> m.orgId().equals(orgId))
                    .sorted(java.util.Comparator.comparing(Mailbox::address)).toList();
        }

        @Override
        public void updateCredentials(Mailbox m) {
            mailboxes.put(m.mailboxId(), m);
        }
    };

    private final MailboxConnections connections = new MailboxConnections() {
        @Override
        public State state(String id) {
            return new State(true, null, 0);
        }

        @Override
        public Optional<State> disconnect(String id, String reason) {
            disconnected.put(id, reason);
            return Optional.empty();
        }

        @Override
        public Optional<State> reconnect(String id, String reason) {
            return Optional.empty();
        }

        @Override
        public int disconnected() {
            return 0;
        }
    };

    private final SendAttempts sendAttempts = new SendAttempts() {
        @Override
        public Optional<AttemptState> find(String sendId) {
            return Optional.ofNullable(attempts.get(sendId));
        }

        @Override
        public void claim(SendRequested request, String messageId, AttemptState state) {
            attempts.put(request.sendId(), state);
        }

        @Override
        public void settle(String sendId, AttemptState state, Delivery delivery) {
            if (unavailableForSettling.contains(sendId)) {
                throw new IllegalStateException("database unavailable while settling " + sendId);
            }
            attempts.put(sendId, state);
            settled.put(sendId, delivery);
        }
    };

    private final PendingReconciliations pendings = new PendingReconciliations() {
        @Override
        public void add(Envelope cause, String messageId, String detail, Instant due) {
            pending.put(cause.payloadAs(SendRequested.class).sendId(), new Pending(cause, messageId, detail, 0, 0));
        }

        @Override
        public List<Pending> due(Instant now, int limit) {
            return List.copyOf(pending.values());
        }

        @Override
        public void postpone(String sendId, int checks, int failedLookups, Instant due) {
            pending.computeIfPresent(sendId, (k, p) -> new Pending(p.cause(), p.messageId(), p.detail(), checks,
                    failedLookups));
        }

        @Override
        public boolean remove(String sendId) {
            return pending.remove(sendId) != null;
        }
    };

    public final Reconciler reconciler = new Reconciler(pendings, (m, id) -> SentCopies.Lookup.UNAVAILABLE, boxes,
            sendAttempts, published::add, envelopes, tx, clock, Duration.ZERO, 3);

    /** A reconciler over these ports that looks in Sent folders with {@code copies}, {@code maxChecks} times. */
    public Reconciler reconciler(SentCopies copies, int maxChecks) {
        return new Reconciler(pendings, copies, boxes, sendAttempts, published::add, envelopes, tx, clock,
                Duration.ZERO, maxChecks);
    }

    public SendBatches batches(MailTransport transport) {
        return batches(transport, Duration.ofMinutes(2), System::nanoTime);
    }

    /** A poll may claim for {@code budget} as read on {@code nanoTime}. */
    public SendBatches batches(MailTransport transport, Duration budget, LongSupplier nanoTime) {
        TrackingLinks links = new TrackingLinks(new TrackingTokens(List.of(
                "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII))), "https://t.acme.test",
                true, true);
        SendService sends = new SendService(boxes, connections, sendAttempts, published::add, envelopes, links,
                reconciler);
        return new SendBatches(sends, transport, tx, new SimpleMeterRegistry(), budget, nanoTime);
    }

    /** An SMTP mailbox on {@code host:port}, security NONE, logging in as its address with the sealed password. */
    public Mailbox smtpMailbox(String mailboxId, String address, String host, int port, String sealedPassword) {
        Mailbox m = new Mailbox(mailboxId, ORG, address, address.substring(address.indexOf('@') + 1), "SMTP", 10_000,
                new Mailbox.Endpoint(host, port, "NONE", address, sealedPassword), null, null);
        mailboxes.put(mailboxId, m);
        return m;
    }

    /** A send request as the sequencer publishes it, as the listener hands it over. */
    public static SendBatches.Incoming request(String sendId, String mailboxId, String to, String body) {
        SendRequested r = new SendRequested(ORG, "run-1", sendId, "camp-1", "lead-" + sendId, mailboxId, 1, to,
                "Dana", "Quick question", body, 1, MAILING_ADDRESS, false, 1, null);
        Envelope e = new Envelope("req-" + sendId, EventType.of(r), "sequencer-service", T0, ORG, null,
                "req-" + sendId, 1, r);
        return new SendBatches.Incoming(e, () -> { });
    }

    private static final class NoTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        @Override
        public void rollback(TransactionStatus status) {
        }
    }
}
