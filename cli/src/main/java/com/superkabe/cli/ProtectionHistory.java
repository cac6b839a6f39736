package com.superkabe.cli;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Topic;
import com.superkabe.events.protection.DomainStateChanged;
import com.superkabe.events.protection.MailboxStateChanged;
import com.superkabe.events.protection.MailboxCorrelationChecked;
import com.superkabe.events.protection.MailboxDnsChecked;
import com.superkabe.events.protection.ProtectionWatermark;
import com.superkabe.protection.application.replay.CorrelationChecks;
import com.superkabe.protection.application.replay.DnsChecks;
import com.superkabe.protection.application.replay.ProtectionReplay;
import com.superkabe.protection.domain.ProtectionPolicy;
import com.superkabe.protection.domain.Transition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Protection's decisions two ways: re-made by replaying its input topics into fresh deciders, and
 * as published on its output topics. Both are per entity ({@code mailbox:<id>},
 * {@code domain:<orgId>/<domain>}), in order, each step with the input event that caused it.
 */
final class ProtectionHistory {

    /** Protection's inputs, and the settings and policies it published before deciding with them (ADR 0064). */
    static final List<String> INPUTS = List.of(Topic.MAILBOXES.topicName(), Topic.SEND_OUTCOMES.topicName(),
            Topic.REPLIES.topicName(), Topic.CLOCK.topicName(), Topic.PROTECTION_MODES.topicName());
    static final List<String> OUTPUTS = List.of(Topic.MAILBOX_STATES.topicName(), Topic.DOMAIN_STATES.topicName());
    /** Protection's recorded correlation checks (ADR 0063) and DNS answers (ADR 0064): read before the replay. */
    static final String CHECKS = Topic.PROTECTION_CHECKS.topicName();

    /**
     * The recorded correlation checks, the recorded DNS answers (ADR 0064), the correlation records by
     * event id, and records that could not be decoded.
     */
    record Checks(CorrelationChecks checks, DnsChecks dns, Map<String, Recorded> records, long undecodable) {
    }

    /**
     * Reads every recorded correlation check first: a check's record is published after the input it
     * was made for, so a replay in merged order would meet it too late. A history without the topic
     * (recorded before ADR 0063) gives no checks, and the replay derives every check's counts.
     */
    static Checks readChecks(KafkaOptions kafka) {
        return readChecks(kafka, DnsChecks.inOrder());
    }

    /** As {@link #readChecks(KafkaOptions)}, with the DNS answers in {@code dns} (what-if's: per domain). */
    static Checks readChecks(KafkaOptions kafka, DnsChecks dns) {
        CorrelationChecks checks = new CorrelationChecks();
        Map<String, Recorded> records = new HashMap<>();
        long[] undecodable = {0};
        new TopicHistory(kafka, System.err).stream(List.of(CHECKS), false, r -> {
            Recorded d = TopicHistory.decoded(r);
            if (d.envelope() != null && d.envelope().payload() instanceof MailboxCorrelationChecked c) {
                checks.add(d.envelope().id(), c);
                records.put(d.envelope().id(), d);
            } else if (d.envelope() != null && d.envelope().payload() instanceof MailboxDnsChecked a) {
                dns.add(a);
            } else {
                undecodable[0]++;
            }
        });
        return new Checks(checks, dns, records, undecodable[0]);
    }

    /**
     * The last tick protection had decided when the read began: its latest {@code ProtectionWatermark}
     * (written in the same transaction as a tick's decisions, on the one partition of
     * {@code superkabe.protection-modes}), or {@code Long.MAX_VALUE} when it wrote none (history before
     * watermarks). Read before the history, so every decision of a tick up to it is in the history;
     * a replay of a live stack does not decide ticks protection had not yet decided.
     */
    static long watermark(KafkaOptions kafka) {
        long last = -1;
        for (Recorded r : new TopicHistory(kafka, System.err).tail(Topic.PROTECTION_MODES.topicName(), 5_000)) {
            if (r.envelope() != null && r.envelope().payload() instanceof ProtectionWatermark w) {
                last = Math.max(last, w.tick());
            }
        }
        return last < 0 ? Long.MAX_VALUE : last;
    }

    /**
     * Types on protection's topics that its replay does not consume (ProtectionReplay.isInput is false)
     * and that are not the two published state changes compared: their payloads are never decoded.
     * Any type not named here is decoded, so a new input type is never skipped unnoticed.
     */
    static final Set<EventType> IGNORED = EnumSet.of(EventType.EMAIL_OPENED, EventType.EMAIL_CLICKED,
            EventType.EMAIL_UNSUBSCRIBED, EventType.REPLY_RECEIVED, EventType.MAILBOX_CONNECTION_CHANGED,
            EventType.MAILBOX_WARMUP_LIMIT_SET, EventType.PROTECTION_MODE_CHANGED, EventType.PROTECTION_WATERMARK);

    /** One state change: the comparison's unit is (from, to, trigger); tick and reason are for reading. */
    record Step(String from, String to, String trigger, long tick, String reason, String actor, String causeId) {

        String compared() {
            return from + " -> " + to + " [" + trigger + "]";
        }

        @Override
        public String toString() {
            return compared() + " @" + tick + (actor != null && !actor.equals(Transition.SYSTEM) ? " by " + actor : "")
                    + " : " + reason;
        }
    }

    /**
     * One pass over merged history: inputs go to the replay, protection's own events are collected as
     * published steps. Holds per entity only the steps, and of the inputs only those that caused a
     * replayed step, so ten million records fit in memory.
     */
    static final class Pass implements java.util.function.Consumer<Recorded> {
        private final ProtectionReplay replay;
        final Map<String, List<Step>> replayed = new TreeMap<>();
        final Map<String, List<Step>> published = new TreeMap<>();
        final Map<String, Recorded> causes = new HashMap<>();
        long records;
        long inputs;
        long firstTick = -1;
        long lastTick = -1;
        long periodSeconds = 60;
        /** The recorded correlation checks this pass decided from (verify); null when it derived them (what-if). */
        Checks recordedChecks;

        Pass(ProtectionPolicy policy) {
            this(policy, null);
        }

        /** With {@code checks}, each correlation check is decided from its record (verify); without, derived (what-if). */
        Pass(ProtectionPolicy policy, CorrelationChecks checks) {
            this(policy, UnaryOperator.identity(), checks);
        }

        /**
         * {@code policy} until the topics record the service's settings, {@code adjust} on every
         * organization's policy (what-if's changes); {@code checks} as above.
         */
        Pass(ProtectionPolicy policy, UnaryOperator<ProtectionPolicy> adjust, CorrelationChecks checks) {
            this.replay = new ProtectionReplay(policy, adjust, checks);
        }

        /** Decides each DNS check from its recorded answer (ADR 0064). */
        Pass withDnsChecks(DnsChecks dns) {
            replay.withDnsChecks(dns);
            return this;
        }

        /** Set on a pass joined from shards: what the shards' replays applied together. */
        ProtectionReplay.Applied joined;

        /** The recorded settings, policy changes and operator transitions the replay applied. */
        ProtectionReplay.Applied recorded() {
            return joined != null ? joined : replay.recorded();
        }

        /** Ticks after this one are not replayed: protection had not decided them when the history was read. */
        long lastTick(long tick) {
            this.maxTick = tick;
            return tick;
        }

        private long maxTick = Long.MAX_VALUE;
        /** Ticks read but past {@link #maxTick}, so not replayed. */
        long ticksPastWatermark;

        /** Mailbox ids its inputs named: a replay sharded by organization checks no id is in two shards. */
        final Set<String> mailboxIds = new HashSet<>();

        @Override
        public void accept(Recorded r) {
            records++;
            EventType type = TopicHistory.type(r);
            if (type == null || IGNORED.contains(type)) {
                return;
            }
            r = TopicHistory.decoded(r);
            Envelope e = r.envelope();
            if (e == null) {
                return;
            }
            if (e.payload() instanceof com.superkabe.events.clock.ClockTicked t) {
                if (t.tick() > maxTick) {
                    ticksPastWatermark++;
                    return;
                }
                firstTick = firstTick < 0 ? t.tick() : firstTick;
                lastTick = t.tick();
                periodSeconds = t.periodSeconds();
            }
            switch (e.payload()) {
                case MailboxStateChanged m -> published.computeIfAbsent("mailbox:" + m.mailboxId(),
                        k -> new ArrayList<>()).add(new Step(m.from(), m.to(), m.trigger(), m.tick(), m.reason(),
                        m.actor(), e.causationId()));
                case DomainStateChanged d -> published.computeIfAbsent("domain:" + d.orgId() + "/" + d.domain(),
                        k -> new ArrayList<>()).add(new Step(d.from(), d.to(), d.trigger(), d.tick(), d.reason(),
                        d.actor(), e.causationId()));
                default -> {
                }
            }
            // an operator's published transition is also an input: the replay makes the same move
            if (ProtectionReplay.isInput(e.payload())) {
                inputs++;
                String mailbox = mailboxOf(e.payload());
                if (mailbox != null) {
                    mailboxIds.add(mailbox);
                }
                for (ProtectionReplay.Decision d : replay.apply(e.id(), e.payload())) {
                    Transition t = d.transition();
                    replayed.computeIfAbsent(d.entityKey(), k -> new ArrayList<>()).add(new Step(t.from(), t.to(),
                            t.trigger(), t.tick(), t.reason(), t.actor(), d.causeId()));
                    causes.put(e.id(), r);
                }
            }
        }

        private static String mailboxOf(com.superkabe.events.SuperkabeEvent p) {
            return switch (p) {
                case com.superkabe.events.mailbox.MailboxRegistered m -> m.mailboxId();
                case com.superkabe.events.send.EmailSent s -> s.mailboxId();
                case com.superkabe.events.send.EmailSendFailed f -> f.mailboxId();
                case com.superkabe.events.reply.EmailBounced b -> b.mailboxId();
                case com.superkabe.events.reply.ComplaintReceived c -> c.mailboxId();
                default -> null;
            };
        }

        /** Seconds of live traffic the history spans on the logical clock. */
        long liveSeconds() {
            return firstTick < 0 ? 0 : (lastTick - firstTick) * periodSeconds;
        }
    }

    private ProtectionHistory() {
    }

    static String describe(String causeId, Map<String, Recorded> byId) {
        Recorded r = causeId == null ? null : byId.get(causeId);
        if (r == null) {
            return causeId == null || causeId.isEmpty() ? "(no cause recorded)" : "event " + causeId
                    + " (./superkabe timeline shows it with --json)";
        }
        Envelope e = r.envelope();
        return e.type().wireName() + " " + e.id() + " at " + r.position() + " (" + e.time() + ", tick "
                + e.logicalTime() + "): " + Json.wire(e.payload());
    }
}
