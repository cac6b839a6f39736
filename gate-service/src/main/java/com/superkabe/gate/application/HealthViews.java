package com.superkabe.gate.application;

import com.superkabe.gate.domain.MailboxHealth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Port: the gate's copy of protection state, sending history, modes and its own clock. */
public interface HealthViews {

    void registerMailbox(String mailboxId, String orgId, String domain, int dailyLimit);

    void mailboxState(String mailboxId, String orgId, String domain, String state, String trigger);

    /** Domain state is per organization: two tenants may send from domains of the same name. */
    void domainState(String orgId, String domain, String state);

    /** Forgets the mailbox's outcome window: protection graduated it, its old bounces are healed. */
    void resetWindow(String mailboxId);

    /** Appends one outcome (S, B or F) to the mailbox's window of the last 100 and notes a send tick. */
    void outcome(String mailboxId, char outcome, long tick);

    /** The health of these mailboxes at {@code tick}, keyed by id (unknown ones are absent). */
    Map<String, MailboxHealth> mailboxes(List<String> mailboxIds, long tick);

    Map<String, String> domainStates(String orgId, List<String> domains);

    /**
     * Reads ahead, in a few statements, what deciding a batch of the organization's leads will ask
     * for: these mailboxes and the states of their domains.
     */
    void prefetch(String orgId, java.util.Collection<String> mailboxIds);

    Optional<String> mode(String orgId);

    void mode(String orgId, String mode);

    long tick();

    /**
     * Moves the gate's clock forward to {@code tick}; false, with nothing changed, if it is already
     * there or past it. Waits for another transaction advancing it to end first.
     */
    boolean advanceTo(long tick);

    /** The last tick at which the organization's protection view was known current. */
    Optional<Long> watermark(String orgId);

    void watermark(String orgId, long tick);

    /** Campaigns that list this mailbox. */
    List<String> campaignsWithMailbox(String mailboxId);
}
