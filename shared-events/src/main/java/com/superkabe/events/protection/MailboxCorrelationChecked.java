package com.superkabe.events.protection;

import com.superkabe.events.Require;

/**
 * What protection's correlation check read before a pause (ADR 0063): published on
 * {@code superkabe.protection-checks} in the same transaction as, and before, the decision it leads
 * to, which is made from this record. The mailbox {@code mailboxId} of {@code domain} breached its
 * pause rule at {@code tick}; {@code dominantEsp} is the recipient ESP holding the provider share of
 * its windowed bounces (null: none), {@code mailboxesOnEsp} the organization's mailboxes, this one
 * included, with bounces on that ESP in their windows (0 without a dominant ESP);
 * {@code domainSiblings} the other registered mailboxes of the domain and {@code siblingsFailing}
 * how many of them are unhealthy now.
 */
public record MailboxCorrelationChecked(String orgId, String mailboxId, String domain, String dominantEsp,
                                        int mailboxesOnEsp, int domainSiblings, int siblingsFailing, long tick)
        implements com.superkabe.events.SuperkabeEvent {

    public MailboxCorrelationChecked {
        Require.text(orgId, "orgId");
        Require.text(mailboxId, "mailboxId");
        Require.nonNegative(mailboxesOnEsp, "mailboxesOnEsp");
        Require.nonNegative(domainSiblings, "domainSiblings");
        Require.nonNegative(siblingsFailing, "siblingsFailing");
        if (siblingsFailing > domainSiblings) {
            throw new IllegalArgumentException("siblingsFailing (" + siblingsFailing + ") exceeds domainSiblings ("
                    + domainSiblings + ")");
        }
    }

    @Override
    public String subject() {
        return mailboxId;
    }

    @Override
    public String partitionKey() {
        return mailboxId;
    }
}
