package com.superkabe.replypoller.application;

import com.superkabe.mailguard.ControlCharacters;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Grants the reply poller the OAuth credentials to read a GMAIL or GRAPH mailbox's inbox (ADR 0021).
 * The credentials must match the provider the mailbox was registered with; a new grant forgets the
 * saved cursor, because it may name another account's history. One transaction per grant.
 */
public class InboxAccessGrants {

    private static final Logger log = LoggerFactory.getLogger(InboxAccessGrants.class);

    /** The result of a grant. */
    public sealed interface Outcome {
        /** The mailbox will be read through its API from the next poll on. */
        record Granted(PolledMailbox mailbox) implements Outcome {
        }

        /** No such mailbox in this organization (or its MailboxRegistered has not arrived yet). */
        record UnknownMailbox() implements Outcome {
        }

        /** The credentials are for another provider than the mailbox's. */
        record WrongProvider(String mailboxProvider) implements Outcome {
        }
    }

    private final Mailboxes mailboxes;
    private final InboxCursors cursors;
    private final TransactionTemplate tx;

    public InboxAccessGrants(Mailboxes mailboxes, InboxCursors cursors, TransactionTemplate tx) {
        this.mailboxes = mailboxes;
        this.cursors = cursors;
        this.tx = tx;
    }

    public Outcome grant(String orgId, String mailboxId, PolledMailbox.ApiAccess access) {
        Outcome outcome = tx.execute(status -> {
            Optional<PolledMailbox> found = mailboxes.find(orgId, mailboxId);
            if (found.isEmpty()) {
                return new Outcome.UnknownMailbox();
            }
            if (!found.get().providerName().equals(access.provider())) {
                return new Outcome.WrongProvider(found.get().providerName());
            }
            mailboxes.grantApiAccess(mailboxId, access);
            cursors.forget(mailboxId);
            PolledMailbox m = found.get();
            return new Outcome.Granted(new PolledMailbox(m.mailboxId(), m.orgId(), m.address(), m.provider(),
                    m.imap(), access));
        });
        if (outcome instanceof Outcome.Granted) {
            log.info("Mailbox {}: inbox access granted for {} (client {})", com.superkabe.mailguard.ControlCharacters.escaped(mailboxId), access.provider(),
                    com.superkabe.mailguard.ControlCharacters.escaped(access.clientId()));
        }
        return outcome;
    }
}
