package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.application.MailboxAvailability;
import java.util.List;
import java.util.Map;

/**
 * Tenant isolation of a campaign's mailboxes: a mailbox registered by another organization
 * ({@code MailboxRegistered}) cannot be listed, or its owner's daily cap and send gap would be used up
 * by a stranger's campaign. A mailbox not registered here yet is accepted, as before.
 */
final class MailboxOwnership {

    private MailboxOwnership() {
    }

    /** At most this many mailboxes in one campaign's pool. */
    static final int MAX_MAILBOXES = 500;

    static void check(String orgId, List<String> mailboxIds, MailboxAvailability mailboxes) {
        if (mailboxIds.size() > MAX_MAILBOXES) {
            throw ApiProblem.invalid("mailboxIds", "at most " + MAX_MAILBOXES + " mailboxes per campaign");
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < mailboxIds.size(); i++) {
            if (!seen.add(mailboxIds.get(i))) {
                throw ApiProblem.invalid("mailboxIds[" + i + "]", "repeats mailbox '" + mailboxIds.get(i) + "'");
            }
        }
        Map<String, String> owners = mailboxes.owners(mailboxIds);
        for (String m : mailboxIds) {
            String owner = owners.get(m);
            if (owner != null && !owner.equals(orgId)) {
                // says no more than "not yours": whose it is, is the other organization's business
                throw ApiProblem.invalid("mailboxIds", "mailbox '" + m + "' is not a mailbox of this organization");
            }
        }
    }
}
