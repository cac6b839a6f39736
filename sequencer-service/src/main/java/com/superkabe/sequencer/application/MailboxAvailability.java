package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.dispatch.MailboxLimits;
import java.util.Collection;
import java.util.Map;

/**
 * Port: which mailboxes the protection layer lets send, and the limits that apply to each. The
 * dispatcher never picks a run whose mailbox cannot send; the run stays due and goes out on the
 * first tick after the mailbox recovers. Protection always wins (seed 002).
 */
public interface MailboxAvailability {

    /** Protection's verdict: may the mailbox send; {@code tick}: when this became true. */
    void set(String mailboxId, boolean canSend, long tick);

    /** The send adapter found the mailbox's credentials refused ({@code false}) or fixed again. */
    void setConnected(String mailboxId, boolean connected, long tick);

    /** Routing's view of each mailbox known here; an unknown mailbox is absent (and may send). */
    Map<String, MailboxStatus> status(Collection<String> mailboxIds);

    /**
     * A registered mailbox: its organization (the first registration's is kept, so another org cannot
     * claim it) and its daily send limit ({@code MailboxRegistered.dailyLimit}; null keeps the known one).
     */
    void register(String orgId, String mailboxId, Integer dailyLimit, String domain);

    /** The organization of each mailbox registered here; an unknown mailbox is absent. */
    Map<String, String> owners(Collection<String> mailboxIds);

    /** Protection's warmup limit for the mailbox's phase, or null when it imposes none. */
    void setWarmupLimit(String mailboxId, Integer warmupLimit);

    /** The limits of each mailbox known here; a mailbox without any is absent. */
    Map<String, MailboxLimits> limits(Collection<String> mailboxIds);
}
