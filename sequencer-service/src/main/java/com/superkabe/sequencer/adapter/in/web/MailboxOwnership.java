package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.application.MailboxAvailability;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Tenant isolation of a campaign's mailboxes: only a mailbox this organization registered
 * ({@code MailboxRegistered}, read back from the mailboxes topic) can be listed. Another organization's
 * mailbox would spend its owner's daily cap and send gap; an unknown id would hold runs on a mailbox that
 * never sends. Both get the same 409, so the answer does not tell whether another organization owns the
 * id; 409 because a registration made a moment ago may not have reached the sequencer yet, and a client
 * may retry (as it does while the mailing address is on its way).
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
        for (int i = 0; i < mailboxIds.size(); i++) {
            String m = mailboxIds.get(i);
            if (!orgId.equals(owners.get(m))) {
                throw new ApiProblem(HttpStatus.CONFLICT, "mailboxIds[" + i + "]", "mailbox '" + m
                        + "' is not registered to this organization: register it with POST /api/v1/mailboxes on the "
                        + "send adapter first (a new registration reaches the sequencer within seconds)");
            }
        }
    }
}
