package com.superkabe.sequencer.adapter.in.kafka;

import com.superkabe.events.Envelope;
import com.superkabe.events.Headers;
import com.superkabe.events.Topic;
import com.superkabe.kit.jdbc.Lease;
import com.superkabe.kit.jdbc.LeaseLostException;
import com.superkabe.kit.jdbc.Leases;
import com.superkabe.kit.kafka.InboundHandler;
import com.superkabe.sequencer.application.Campaigns;
import com.superkabe.sequencer.application.SequencerService;
import com.superkabe.sequencer.application.ShardInbox;
import com.superkabe.sequencer.application.ShardScope;
import com.superkabe.sequencer.application.Shards;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sequencer partitioned by organization (ADR 0065). Each of the {@code shards} shards is a lease
 * ({@code sequencer-<k>}, ADR 0050) and, while this replica holds it, a consumer of the eight input topics
 * in its own group {@code <group-id>-shard-<k>} ({@code sequencer-service-shard-<k>}) that handles only the records of its organizations (the
 * {@code orgid} header; every shard handles the clock) and acknowledges the others without decoding them.
 * A shard's records are handled one at a time, each in its own transaction: its own inbox row (dedupe and
 * recorded order per shard), the fence of its lease, then the decision with {@link ShardScope} set, so the
 * shard's clock, scans and bulk-sender count are its own. Each replica keeps a presence lease; it holds at
 * most its share of the shards, {@code ceil(shards / live replicas)}, handing the highest back when a replica
 * joins and taking free ones when one leaves, so the shards spread and a dead holder's move to a survivor.
 */
public class SequencerShards implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SequencerShards.class);
    public static final String LEASE_PREFIX = "sequencer-";
    /** Each replica's presence, a lease of its own, so the replicas can count themselves and share the shards. */
    public static final String PRESENCE_PREFIX = "sequencer-replica/";
    static final String[] TOPICS = {Topic.GATE_DECISIONS.topicName(), Topic.CLOCK.topicName(),
            Topic.SEND_OUTCOMES.topicName(), Topic.REPLIES.topicName(), Topic.MAILBOX_STATES.topicName(),
            Topic.MAILBOXES.topicName(), Topic.CAMPAIGNS.topicName(), Topic.ORGANIZATIONS.topicName()};

    /** Timings and limits of the shard leases. */
    public record Settings(int shards, int maxPerReplica, Duration renewEvery) {
        public Settings {
            if (shards < 1 || maxPerReplica < 1 || renewEvery.isNegative() || renewEvery.isZero()) {
                throw new IllegalArgumentException("superkabe.sequencer.shards and max-shards-per-replica must be "
                        + ">= 1 and renew-every > 0");
            }
        }
    }

    private final class Shard {
        final int index;
        final Lease lease;
        final ReentrantLock queue = new ReentrantLock(true);
        final AbstractMessageListenerContainer<String, byte[]> container;
        volatile boolean holding;

        Shard(int index, Lease lease, AbstractMessageListenerContainer<String, byte[]> container) {
            this.index = index;
            this.lease = lease;
            this.container = container;
        }
    }

    private final Settings settings;
    private final InboundHandler inbound;
    private final ShardInbox inbox;
    private final TransactionTemplate tx;
    private final SequencerService sequencer;
    private final Campaigns campaigns;
    private final JdbcClient jdbc;
    private final io.micrometer.core.instrument.MeterRegistry meters;
    private final KafkaListenerEndpointRegistry registry;
    private final String organizationsListener;
    private final List<Shard> shards = new ArrayList<>();
    private final Semaphore wake = new Semaphore(0);
    private final Lease presence;
    private volatile boolean running;
    private Thread thread;

    @SuppressWarnings("unchecked")
    public SequencerShards(Settings settings, Leases leases, AbstractKafkaListenerContainerFactory<?, ?, ?> factory,
                           KafkaListenerEndpointRegistry registry, String applicationName, InboundHandler inbound,
                           ShardInbox inbox, TransactionTemplate tx, SequencerService sequencer, Campaigns campaigns,
                           JdbcClient jdbc, String groupId, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.settings = settings;
        this.inbound = inbound;
        this.inbox = inbox;
        this.tx = tx;
        this.sequencer = sequencer;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.registry = registry;
        this.organizationsListener = applicationName + "-organizations";
        this.presence = leases.lease(PRESENCE_PREFIX + leases.holder());
        for (int k = 0; k < settings.shards(); k++) {
            AbstractMessageListenerContainer<String, byte[]> c =
                    (AbstractMessageListenerContainer<String, byte[]>) factory.createContainer(TOPICS);
            c.getContainerProperties().setGroupId(groupId + "-shard-" + k);
            c.setBeanName(groupId + "-shard-" + k);
            c.setAutoStartup(false);
            Shard shard = new Shard(k, leases.lease(LEASE_PREFIX + k), c);
            c.setupMessageListener((MessageListener<String, byte[]>) r -> onRecord(shard, r));
            shards.add(shard);
        }
    }

    /** Whether this replica holds the shard's lease now. */
    public boolean holds(int shard) {
        Shard s = shards.get(shard);
        return s.holding && s.lease.held();
    }

    /** Whether this replica holds the shard and its consumer has been given the input partitions. */
    public boolean consuming(int shard) {
        return holds(shard) && !shards.get(shard).container.getAssignedPartitions().isEmpty();
    }

    public List<Integer> held() {
        return shards.stream().filter(s -> holds(s.index)).map(s -> s.index).toList();
    }

    /**
     * Whether the record is this shard's: the clock is every shard's, any other record its organization's,
     * read from the {@code orgid} header without decoding; a record without the header is decoded for the
     * organization its payload names, and one that cannot be decoded either is shard 0's (whose handling
     * dead-letters it once).
     */
    boolean belongs(int shard, ConsumerRecord<String, byte[]> record) {
        if (Topic.CLOCK.topicName().equals(record.topic())) {
            return true;
        }
        Header org = record.headers().lastHeader(Headers.ORG_ID);
        String orgId;
        if (org != null && org.value() != null) {
            orgId = new String(org.value(), StandardCharsets.UTF_8);
        } else {
            try {
                orgId = inbound.decode(record).orgId();
            } catch (RuntimeException undecodable) {
                orgId = null;
            }
        }
        return Shards.of(orgId, settings.shards()) == shard;
    }

    private void onRecord(Shard shard, ConsumerRecord<String, byte[]> record) {
        if (!belongs(shard.index, record)) {
            return;
        }
        shard.queue.lock();
        try {
            Envelope event = inbound.decode(record);
            java.util.Map<String, String> headers = InboundHandler.headers(record);
            Boolean handled = tx.execute(status -> {
                if (!inbox.firstSighting(shard.index, event, record.topic(), record.key(), headers, record.value())) {
                    return false;
                }
                try {
                    shard.lease.fence();
                } catch (LeaseLostException e) {
                    wake.release();
                    throw e;
                }
                ShardScope.run(shard.index, () -> sequencer.onInput(event));
                return true;
            });
            // the series the kit's inbound handler keeps (the clock-stalled alert reads it); a tick counts once per shard
            meters.counter("superkabe_events_consumed", "type", event.type().wireName(),
                    "outcome", Boolean.TRUE.equals(handled) ? "handled" : "duplicate").increment();
        } finally {
            shard.queue.unlock();
        }
    }

    /**
     * One round: renew this replica's presence and the shards it holds, give up those lost, then move
     * towards its share, {@code ceil(shards / live replicas)} (at most max-shards-per-replica): release the
     * highest shards above it, take free ones below it.
     */
    synchronized void round() {
        try {
            presence.acquireOrRenew();
        } catch (RuntimeException e) {
            log.warn("Lease {}: renewal failed: {}", presence.name(), e.toString());
        }
        for (Shard s : shards) {
            if (!s.holding) {
                continue;
            }
            boolean still;
            try {
                still = s.lease.held() && s.lease.acquireOrRenew();
            } catch (RuntimeException e) {
                log.warn("Lease {}: renewal failed: {}", s.lease.name(), e.toString());
                still = s.lease.held();
                if (!still) {
                    s.lease.drop();
                }
            }
            if (!still) {
                log.warn("Lease {} lost by {}", s.lease.name(), s.lease.holder());
                lost(s);
            } else if (!s.container.isRunning()) {
                // held but not consuming: a container that was still stopping when the shard came back
                log.info("Lease {}: restarting its consumer", s.lease.name());
                s.container.start();
            }
        }
        Set<String> taken = new HashSet<>();
        int replicas;
        try {
            taken.addAll(jdbc.sql("SELECT name FROM leases WHERE name LIKE '" + LEASE_PREFIX
                    + "%' AND name NOT LIKE '" + PRESENCE_PREFIX + "%' AND expires_at > now()")
                    .query(String.class).list());
            replicas = jdbc.sql("SELECT count(*) FROM leases WHERE name LIKE '" + PRESENCE_PREFIX
                    + "%' AND expires_at > now() AND name <> ?").param(presence.name()).query(Integer.class).single() + 1;
            jdbc.sql("DELETE FROM leases WHERE name LIKE '" + PRESENCE_PREFIX
                    + "%' AND expires_at < now() - interval '1 hour'").update();
        } catch (RuntimeException e) {
            log.warn("Shard leases not read: {}", e.toString());
            return;
        }
        int share = Math.min(settings.maxPerReplica(), Math.ceilDiv(settings.shards(), replicas));
        int held = (int) shards.stream().filter(s -> s.holding).count();
        for (int k = shards.size() - 1; k >= 0 && held > share; k--) {
            Shard s = shards.get(k);
            if (s.holding) {
                log.info("Lease {} handed back by {}: {} replicas share {} shards", s.lease.name(),
                        s.lease.holder(), replicas, settings.shards());
                lost(s);
                release(s);
                held--;
            }
        }
        for (Shard s : shards) {
            if (held >= share) {
                break;
            }
            if (s.holding || taken.contains(s.lease.name())) {
                continue;
            }
            try {
                if (s.lease.acquireOrRenew()) {
                    held++;
                    acquired(s);
                }
            } catch (RuntimeException e) {
                log.warn("Lease {} not taken: {}", s.lease.name(), e.toString());
                s.lease.drop();
            }
        }
    }

    private static void release(Shard s) {
        try {
            s.lease.release();
        } catch (RuntimeException e) {
            log.warn("Lease {} not released; it expires on its own: {}", s.lease.name(), e.toString());
        }
    }

    private void acquired(Shard s) {
        s.holding = true;
        log.info("Lease {} taken by {} under epoch {}", s.lease.name(), s.lease.holder(), s.lease.epoch());
        // another holder may have changed campaign statuses since this replica read them
        campaigns.forgetCached();
        if (!s.container.isRunning()) {
            s.container.start();
        }
        if (s.index == 0) {
            // API keys from the organizations topic: one consumer per service is enough, shard 0's holder
            MessageListenerContainer orgs = registry.getListenerContainer(organizationsListener);
            if (orgs != null && !orgs.isRunning()) {
                orgs.start();
            }
        }
    }

    private void lost(Shard s) {
        s.holding = false;
        if (s.container.isRunning()) {
            s.container.stop();
        }
        if (s.index == 0) {
            MessageListenerContainer orgs = registry.getListenerContainer(organizationsListener);
            if (orgs != null && orgs.isRunning()) {
                orgs.stop();
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("lease-sequencer-shards").daemon().start(() -> {
            while (running) {
                round();
                try {
                    wake.tryAcquire(settings.renewEvery().toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** A graceful stop ends each shard's consumer, then releases its lease, so another replica takes it at once. */
    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
        for (Shard s : shards) {
            if (s.holding) {
                lost(s);
            }
            release(s);
        }
        try {
            presence.release();
        } catch (RuntimeException e) {
            log.warn("Lease {} not released; it expires on its own: {}", presence.name(), e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the listener containers start and before they stop, as the kit's lease keepers. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 50;
    }
}
