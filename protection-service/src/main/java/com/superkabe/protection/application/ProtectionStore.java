package com.superkabe.protection.application;

import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.PolicyOverrides;
import com.superkabe.protection.domain.Transition;
import java.util.List;
import java.util.Optional;

/** Port: protection's state, audit trail and settings. Every method runs in the caller's transaction. */
public interface ProtectionStore {

    /** Serialises, until the transaction ends, every change under this key (a domain or a mailbox). */
    void lock(String key);

    /**
     * Takes, in one sorted pass, the locks a batch of outcomes for these mailboxes will need (their
     * domains', then their own): two batches sharing domains then queue instead of deadlocking.
     */
    void lockAll(java.util.Collection<String> mailboxIds);

    Optional<MailboxState> mailbox(String mailboxId);

    /** The warmup limit last published for the mailbox (-1: none). */
    int publishedLimit(String mailboxId);

    void save(MailboxState state, int warmupLimit);

    /** False if this send was counted before (a replayed outcome under another event id). */
    boolean firstCount(String mailboxId, String sendId);

    List<String> mailboxesDueOnTick(long tick);

    List<String> mailboxesOfDomain(String orgId, String domain);

    /** Domains paused for their complaint rate whose hold has ended by {@code tick}: {orgId, domain} each. */
    List<String[]> domainsHeldUntil(long tick);

    /** Registered mailboxes of the domain and how many of them are unhealthy. */
    int[] domainCounts(String orgId, String domain);

    /**
     * The other registered mailboxes of the domain and how many of them are unhealthy: read only to
     * build a correlation check's record (ADR 0063), never by a decision.
     */
    int[] siblings(String orgId, String domain, String exceptMailboxId);

    /** Other mailboxes of the organization with bounces on the ESP in their windows; for the record, as above. */
    int mailboxesWithBouncesOn(String orgId, String esp, String exceptMailboxId);

    Optional<DomainState> domain(String orgId, String domain);

    void save(DomainState state);

    void audit(String orgId, Transition t, String mode, boolean enforced, String eventId);

    List<AuditRow> transitions(String orgId, String entityType, String entityId);

    /**
     * Up to {@code limit} rows of the filter in list order (address, then mailbox id), starting after
     * {@code from} — or, {@code backwards}, ending before it, nearest first.
     */
    List<MailboxList.Row> mailboxes(MailboxList.Filter filter, Optional<MailboxList.Cursor> from, boolean backwards,
                                    int limit);

    /** How many mailboxes the filter matches. */
    long countMailboxes(MailboxList.Filter filter);

    /** The organization's mailboxes counted per state and per provider. */
    MailboxList.Counts mailboxCounts(String orgId);

    /** The mailbox's provider as registered, for the list's provider filter (not part of any decision). */
    void saveProvider(String mailboxId, String provider);

    /**
     * Up to {@code limit} of the organization's domains (of one state if given), by name or, with
     * {@code worstFirst}, by the share of unhealthy mailboxes, largest first, then by name.
     */
    List<DomainState> domains(String orgId, Optional<String> status, boolean worstFirst, int limit);

    long countDomains(String orgId, Optional<String> status);

    OrgSettings settings(String orgId);

    void saveMode(String orgId, String mode);

    void savePolicy(String orgId, PolicyOverrides overrides);

    void auditPolicy(String orgId, PolicyChange change);

    List<PolicyChange> policyChanges(String orgId);

    long currentTick();

    void saveTick(long tick);

    long nextOperatorRequest();

    void recordDnsCheck(String orgId, String domain, long tick, String verdict, String detail);

    /** One audited transition as stored. */
    record AuditRow(String entityType, String entityId, String from, String to, String reason, String trigger,
                    String actor, boolean forced, String warning, String mode, boolean enforced, long tick,
                    java.time.Instant wallTime) {
    }

    /** Per-organization settings; null fields of the overrides fall back to the service's defaults. */
    record OrgSettings(String mode, boolean manualOverride, PolicyOverrides overrides) {
    }

    /** One audited policy change: the effective policy before and after, as JSON-ish text. */
    record PolicyChange(String actor, String reason, String before, String after, long tick,
                        java.time.Instant wallTime) {
    }
}
