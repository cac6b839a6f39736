package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventCodec;
import com.superkabe.events.Topic;
import com.superkabe.events.run.RunEvent;
import com.superkabe.kit.kafka.Inbox;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.Campaigns;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What this sequencer saw and what it decided: the recorded inputs (inbox, in handling order)
 * and the run events in the Axon event store. {@link #verify} replays the first into a fresh
 * in-memory sequencer and compares with the second, run by run.
 */
@Component
public class RecordedHistory {

    /** Runs whose replayed events equal the stored ones, and those that differ. */
    public record Verification(int runs, int events, List<String> mismatchedRuns) {
        public boolean reproduced() {
            return mismatchedRuns.isEmpty();
        }
    }

    private static final List<String> INPUT_TOPICS = List.of(Topic.GATE_DECISIONS.topicName(),
            Topic.CLOCK.topicName(), Topic.SEND_OUTCOMES.topicName(), Topic.REPLIES.topicName(),
            Topic.MAILBOX_STATES.topicName(), Topic.MAILBOXES.topicName(), Topic.CAMPAIGNS.topicName(),
            Topic.ORGANIZATIONS.topicName());

    private final Inbox inbox;
    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final EventCodec codec = new EventCodec();

    private final com.superkabe.sequencer.application.SendingSettings settings;
    private final com.superkabe.sequencer.application.DispatchPaging paging;

    private final JdbcShardInbox shardInbox;
    private final int shards;

    RecordedHistory(Inbox inbox, JdbcClient jdbc, Campaigns campaigns,
                    com.superkabe.sequencer.config.SendingProperties sending,
                    com.superkabe.sequencer.application.DispatchPaging paging, JdbcShardInbox shardInbox,
                    @org.springframework.beans.factory.annotation.Value("${superkabe.sequencer.shards:1}") int shards) {
        this.shardInbox = shardInbox;
        this.shards = shards;
        this.settings = sending.settings().forShards(shards);
        this.paging = paging;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    public int shards() {
        return shards;
    }

    public List<Envelope> inputs() {
        return inputs(0);
    }

    /** One shard's recorded inputs in its handling order; with one shard, the service inbox's (ADR 0065). */
    public List<Envelope> inputs(int shard) {
        List<Inbox.Entry> entries = shards == 1 ? inbox.history(INPUT_TOPICS) : shardInbox.history(shard);
        return entries.stream()
                .map(e -> codec.decode(new EventCodec.Origin(e.topic(), 0, e.seq(), 0), e.headers(), e.payload()))
                .toList();
    }

    /** The stored events of every run, per run in sequence order. */
    public Map<String, List<RunEvent>> storedRunEvents() {
        return storedRunEvents(0);
    }

    /** The stored events of one shard's runs. */
    public Map<String, List<RunEvent>> storedRunEvents(int shard) {
        Map<String, List<RunEvent>> byRun = new LinkedHashMap<>();
        (shards == 1 ? jdbc.sql("SELECT aggregateidentifier, payloadtype, payload FROM domainevententry "
                        + "ORDER BY globalindex")
                : jdbc.sql("SELECT e.aggregateidentifier, e.payloadtype, e.payload FROM domainevententry e "
                        + "JOIN run_view r ON r.run_id = e.aggregateidentifier WHERE r.shard = ? ORDER BY e.globalindex")
                .param(shard))
                .query((rs, i) -> {
                    byRun.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(decode(rs.getString(2), rs.getBytes(3)));
                    return null;
                }).list();
        return byRun;
    }

    public List<CampaignDef> campaigns() {
        return campaigns(0);
    }

    /** The campaigns of the shard's organizations. */
    public List<CampaignDef> campaigns(int shard) {
        return jdbc.sql("SELECT campaign_id FROM campaign ORDER BY campaign_id").query(String.class).list().stream()
                .map(campaigns::find).flatMap(java.util.Optional::stream)
                .filter(c -> com.superkabe.sequencer.application.Shards.of(c.orgId(), shards) == shard)
                // every version is there, but a fresh instance enrols with version 1 until it reads the
                // recorded CampaignVersionPublished inputs, as production did
                .map(c -> c.enrollingWith(1)).toList();
    }

    public Verification verify(InMemoryRuns freshInstance) {
        return verify(0, freshInstance);
    }

    /** Replays one shard's recorded inputs into a fresh instance and compares with that shard's runs. */
    public Verification verify(int shard, InMemoryRuns freshInstance) {
        Map<String, List<RunEvent>> stored = storedRunEvents(shard);
        // the same paging and sending settings as the instance that decided, so the same pages and rules apply
        Map<String, List<RunEvent>> replayed = Replayer.replay(inputs(shard), campaigns(shard), freshInstance, paging,
                settings);
        List<String> mismatched = new ArrayList<>();
        java.util.Set<String> all = new java.util.TreeSet<>(stored.keySet());
        all.addAll(replayed.keySet());
        for (String run : all) {
            if (!Objects.equals(stored.get(run), replayed.get(run))) {
                mismatched.add(run);
            }
        }
        return new Verification(all.size(), stored.values().stream().mapToInt(List::size).sum(), mismatched);
    }

    private RunEvent decode(String type, byte[] payload) {
        try {
            return (RunEvent) codec.fromJson(payload, Class.forName(type).asSubclass(RunEvent.class));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Stored event of unknown type " + type, e);
        }
    }
}
