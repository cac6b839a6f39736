package com.superkabe.protection.application.replay;

import com.superkabe.events.protection.MailboxCorrelationChecked;
import com.superkabe.protection.domain.Correlation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The correlation checks protection recorded (ADR 0063), handed to the replay before it runs: the
 * replay's n-th check of a mailbox is decided from the mailbox's n-th record (a mailbox's records
 * share a partition of {@code superkabe.protection-checks}, so their order is the service's). The
 * replay also derives the counts from its own state and reports a record whose counts or tick
 * differ, and a record it never reached.
 * <p>
 * Filled on one thread before any replay starts; afterwards the replays of an organization-sharded
 * run take from the queues of their own mailboxes only, so the map itself is never changed again.
 */
public final class CorrelationChecks {

    /** One recorded check: the id of the event that carried it, and the record. */
    public record Check(String eventId, MailboxCorrelationChecked recorded) {
    }

    /**
     * A recorded check that disagrees with the replay: {@code derived} the counts the replay derived
     * (null: the replay never made this check), {@code causeId} the input the replay was deciding;
     * {@code changesDecision}: the derived counts would have decided otherwise (another scope, or
     * another domain decision). A difference that changes no decision can come from the merged order
     * of the topics: outcomes of other mailboxes are on other partitions, and the service may have
     * consumed them before or after this one in another order than the merge (ADR 0063).
     */
    public record Divergence(Check check, Correlation.Counts derived, long derivedTick, String causeId,
                             boolean changesDecision) {

        public String describe() {
            MailboxCorrelationChecked r = check.recorded();
            String recorded = "esp=" + r.dominantEsp() + " onEsp=" + r.mailboxesOnEsp() + " siblings="
                    + r.domainSiblings() + " failing=" + r.siblingsFailing() + " @" + r.tick();
            if (derived == null) {
                return "mailbox:" + r.mailboxId() + " recorded a correlation check (" + recorded
                        + ") the replay never made";
            }
            return "mailbox:" + r.mailboxId() + " correlation counts: recorded " + recorded + ", derived esp="
                    + derived.dominantEsp().map(Enum::name).orElse(null) + " onEsp=" + derived.mailboxesOnEsp()
                    + " siblings=" + derived.domainSiblings() + " failing=" + derived.siblingsFailing() + " @"
                    + derivedTick;
        }
    }

    private final Map<String, ArrayDeque<Check>> byMailbox = new HashMap<>();
    private final List<Divergence> divergences = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong fromRecord = new AtomicLong();
    private final AtomicLong derivedOnly = new AtomicLong();
    private long recorded;

    /** Adds the next recorded check (in the order of its mailbox's partition). */
    public void add(String eventId, MailboxCorrelationChecked c) {
        byMailbox.computeIfAbsent(c.mailboxId(), k -> new ArrayDeque<>()).add(new Check(eventId, c));
        recorded++;
    }

    /**
     * The mailbox's next recorded check, taken; null when none is left. Locked per mailbox: a history
     * the organization split cannot replay (one mailbox id in two shards) may take from one queue on
     * two threads before it is replayed again on one.
     */
    Check next(String mailboxId) {
        ArrayDeque<Check> q = byMailbox.get(mailboxId);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            return q.pollFirst();
        }
    }

    void diverged(Divergence d) {
        divergences.add(d);
    }

    void decided(boolean withRecord) {
        (withRecord ? fromRecord : derivedOnly).incrementAndGet();
    }

    /** Records read. */
    public long recorded() {
        return recorded;
    }

    /** Checks the replay decided from a record. */
    public long fromRecord() {
        return fromRecord.get();
    }

    /** Checks the replay made without a record (histories from before ADR 0063): decided from derived counts. */
    public long derivedOnly() {
        return derivedOnly.get();
    }

    /**
     * Every disagreement: the count mismatches met during the replay, then (call it after every
     * replay has finished) each record the replay never reached.
     */
    public List<Divergence> divergences() {
        List<Divergence> all = new ArrayList<>(divergences);
        byMailbox.values().forEach(q -> q.forEach(c -> all.add(new Divergence(c, null, -1, null, true))));
        return all;
    }
}
