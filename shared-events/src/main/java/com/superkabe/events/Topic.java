package com.superkabe.events;

import java.time.Duration;

/**
 * The topic catalogue: every topic, the entity it is keyed by, its partition count, its single
 * writer and its retention. Consumers may rely on order only within one key of one topic.
 */
public enum Topic {
    ORGANIZATIONS("superkabe.organizations", "organizationId", 1, Service.INGESTION, null),
    LEAD_INTAKE("superkabe.lead-intake", "organizationId", 6, Service.EXTERNAL, Duration.ofDays(7)),
    LEADS("superkabe.leads", "organizationId", 6, Service.INGESTION, null),
    CAMPAIGNS("superkabe.campaigns", "campaignId", 3, Service.SEQUENCER, null),
    GATE_DECISIONS("superkabe.gate-decisions", "leadId", 6, Service.GATE, null),
    /** What each gate decision was made from, and operators' releases: the gate's replayable input (ADR 0047). */
    GATE_CHECKS("superkabe.gate-checks", "leadId", 6, Service.GATE, null),
    /** What each intake decision was made from (MX answers, lists, policy, the stored lead): ADR 0048. */
    INTAKE_CHECKS("superkabe.intake-checks", "organizationId", 6, Service.INGESTION, null),
    RUNS("superkabe.runs", "runId", 6, Service.SEQUENCER, null),
    SEND_REQUESTS("superkabe.send-requests", "mailboxId", 6, Service.SEQUENCER, Duration.ofDays(30)),
    CLOCK("superkabe.clock", "clock", 1, Service.SEQUENCER, null),
    DISPATCH_DECISIONS("superkabe.dispatch-decisions", "mailboxId", 6, Service.SEQUENCER, null),
    MAILBOXES("superkabe.mailboxes", "mailboxId", 3, Service.SEND_ADAPTER, null),
    SEND_OUTCOMES("superkabe.send-outcomes", "mailboxId", 6, Service.SEND_ADAPTER, null),
    REPLIES("superkabe.replies", "mailboxId", 6, Service.REPLY_POLLER, null),
    MAILBOX_STATES("superkabe.mailbox-states", "mailboxId", 6, Service.PROTECTION, null),
    DOMAIN_STATES("superkabe.domain-states", "domain", 3, Service.PROTECTION, null),
    PROTECTION_MODES("superkabe.protection-modes", "organizationId", 1, Service.PROTECTION, null),
    PROTECTION_ALERTS("superkabe.protection-alerts", "organizationId", 3, Service.PROTECTION, Duration.ofDays(180)),
    /**
     * Protection's recorded answers: what each correlation check before a pause read of other mailboxes
     * (ADR 0063), and each DNS check's answer (ADR 0064).
     */
    PROTECTION_CHECKS("superkabe.protection-checks", "mailboxId", 6, Service.PROTECTION, null);

    private final String topicName;
    private final String keyedBy;
    private final int partitions;
    private final Service writer;
    private final Duration retention;

    Topic(String topicName, String keyedBy, int partitions, Service writer, Duration retention) {
        this.topicName = topicName;
        this.keyedBy = keyedBy;
        this.partitions = partitions;
        this.writer = writer;
        this.retention = retention;
    }

    public String topicName() {
        return topicName;
    }

    /** The entity whose per-key order consumers of this topic may rely on. */
    public String keyedBy() {
        return keyedBy;
    }

    public int partitions() {
        return partitions;
    }

    public Service writer() {
        return writer;
    }

    /** How long records are kept; {@code null} means forever (the topic is the history). */
    public Duration retention() {
        return retention;
    }

    public static Topic byName(String name) {
        for (Topic t : values()) {
            if (t.topicName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown topic: " + name);
    }
}
