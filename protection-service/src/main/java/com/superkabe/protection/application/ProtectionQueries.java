package com.superkabe.protection.application;

import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.Mode;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.util.List;
import java.util.Optional;

/** Reads for the API, always scoped to the calling organization. */
public class ProtectionQueries {

    private final ProtectionStore store;
    private final Policies policies;

    public ProtectionQueries(ProtectionStore store, Policies policies) {
        this.store = store;
        this.policies = policies;
    }

    /** The mailbox if it belongs to {@code orgId}; another organization's mailbox does not exist for it. */
    public Optional<MailboxState> mailbox(String orgId, String mailboxId) {
        return store.mailbox(mailboxId).filter(m -> m.orgId().equals(orgId));
    }

    public int warmupLimit(String mailboxId) {
        return store.publishedLimit(mailboxId);
    }

    /** One page of the filter's mailboxes after {@code after} or, if given, before {@code before}. */
    public MailboxList.Page mailboxes(MailboxList.Filter filter, Optional<MailboxList.Cursor> after,
                                      Optional<MailboxList.Cursor> before, int limit) {
        boolean backwards = before.isPresent();
        Optional<MailboxList.Cursor> from = backwards ? before : after;
        return MailboxList.page(store.mailboxes(filter, from, backwards, limit + 1), limit, backwards,
                from.isPresent(), store.countMailboxes(filter));
    }

    public MailboxList.Counts mailboxCounts(String orgId) {
        return store.mailboxCounts(orgId);
    }

    public Optional<DomainState> domain(String orgId, String domain) {
        if (store.mailboxesOfDomain(orgId, domain).isEmpty()) {
            return Optional.empty();
        }
        int[] c = store.domainCounts(orgId, domain);
        DomainState d = store.domain(orgId, domain).orElseGet(() -> DomainState.healthy(orgId, domain));
        return Optional.of(d.counted(c[0], c[1]));
    }

    public List<DomainState> domains(String orgId, Optional<String> status, boolean worstFirst, int limit) {
        return store.domains(orgId, status, worstFirst, limit);
    }

    public long countDomains(String orgId, Optional<String> status) {
        return store.countDomains(orgId, status);
    }

    public List<ProtectionStore.AuditRow> transitions(String orgId, String entityType, String entityId) {
        return store.transitions(orgId, entityType, entityId);
    }

    public ProtectionPolicy policy(String orgId) {
        return policies.policy(orgId);
    }

    public ProtectionPolicy defaults() {
        return policies.defaults();
    }

    public List<ProtectionStore.PolicyChange> policyChanges(String orgId) {
        return store.policyChanges(orgId);
    }

    public Mode mode(String orgId) {
        return policies.mode(orgId);
    }

    public long currentTick() {
        return store.currentTick();
    }
}
