package com.superkabe.protection.application.replay;

import com.superkabe.events.protection.MailboxDnsChecked;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DNS checks protection recorded (ADR 0064), handed to the replay before it runs. verify takes a
 * mailbox's n-th check from the mailbox's n-th record (a mailbox's records share a partition of
 * {@code superkabe.protection-checks}, so their order is the service's). what-if, whose changed
 * settings may check at other ticks, takes the answer its sending domain last got at or before the
 * tick. Without a record the check is assumed to pass, and counted.
 * <p>
 * Filled on one thread before any replay starts; the maps are not changed afterwards.
 */
public final class DnsChecks {

    private final boolean inOrder;
    private final Map<String, ArrayDeque<MailboxDnsChecked>> byMailbox = new HashMap<>();
    private final Map<String, TreeMap<Long, MailboxDnsChecked>> byDomain = new HashMap<>();
    private final AtomicLong fromRecord = new AtomicLong();
    private final AtomicLong assumed = new AtomicLong();
    private final AtomicLong otherTick = new AtomicLong();
    private long recorded;

    private DnsChecks(boolean inOrder) {
        this.inOrder = inOrder;
    }

    /** verify's: the mailbox's checks in the order they were made. */
    public static DnsChecks inOrder() {
        return new DnsChecks(true);
    }

    /** what-if's: the domain's latest answer at or before the tick of the check. */
    public static DnsChecks latestPerDomain() {
        return new DnsChecks(false);
    }

    /** Adds the next recorded check (in the order of its mailbox's partition). */
    public void add(MailboxDnsChecked c) {
        byMailbox.computeIfAbsent(c.mailboxId(), k -> new ArrayDeque<>()).add(c);
        byDomain.computeIfAbsent(c.orgId() + "/" + c.domain(), k -> new TreeMap<>()).put(c.tick(), c);
        recorded++;
    }

    /** The recorded answer for the check of {@code mailboxId} at {@code tick}; null: none, assume a pass. */
    MailboxDnsChecked answer(String orgId, String mailboxId, String domain, long tick) {
        MailboxDnsChecked r;
        if (inOrder) {
            ArrayDeque<MailboxDnsChecked> q = byMailbox.get(mailboxId);
            synchronized (this) {
                r = q == null ? null : q.pollFirst();
            }
            if (r != null && r.tick() != tick) {
                otherTick.incrementAndGet();
            }
        } else {
            TreeMap<Long, MailboxDnsChecked> answers = byDomain.get(orgId + "/" + domain);
            Map.Entry<Long, MailboxDnsChecked> e = answers == null ? null : answers.floorEntry(tick);
            r = e == null ? null : e.getValue();
        }
        (r == null ? assumed : fromRecord).incrementAndGet();
        return r;
    }

    public long recorded() {
        return recorded;
    }

    public long fromRecord() {
        return fromRecord.get();
    }

    /** Checks the replay made without a record (history from before ADR 0064): assumed to pass. */
    public long assumed() {
        return assumed.get();
    }

    /** verify: records taken for a check the replay made at another tick than the service. */
    public long otherTick() {
        return otherTick.get();
    }

    /**
     * verify: records of checks at or before {@code lastTick} the replay never reached (call after every
     * replay has finished); later ones belong to ticks the replay did not decide.
     */
    public long unreached(long lastTick) {
        return inOrder ? byMailbox.values().stream().flatMap(ArrayDeque::stream).filter(c -> c.tick() <= lastTick)
                .count() : 0;
    }
}
