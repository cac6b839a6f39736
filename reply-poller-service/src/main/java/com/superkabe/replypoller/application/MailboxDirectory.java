package com.superkabe.replypoller.application;

import com.superkabe.mailguard.ControlCharacters;
import com.superkabe.events.Envelope;
import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.send.EmailSent;
import com.superkabe.replypoller.domain.MessageIds;
import com.superkabe.replypoller.domain.SentMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the poller's copy of mailboxes and sent Message-IDs, one input event at a time. */
public class MailboxDirectory {

    private static final Logger log = LoggerFactory.getLogger(MailboxDirectory.class);

    private final Mailboxes mailboxes;
    private final SentMessages sent;

    public MailboxDirectory(Mailboxes mailboxes, SentMessages sent) {
        this.mailboxes = mailboxes;
        this.sent = sent;
    }

    public void onMailboxRegistered(Envelope cause) {
        MailboxRegistered m = cause.payloadAs(MailboxRegistered.class);
        MailboxRegistered.Endpoint e = m.imap();
        PolledMailbox.Imap imap = e == null ? null
                : new PolledMailbox.Imap(e.host(), e.port(), e.security() == null ? "TLS" : e.security(),
                        e.username() == null || e.username().isBlank() ? m.address() : e.username(),
                        e.passwordSecret());
        mailboxes.save(new PolledMailbox(m.mailboxId(), m.orgId(), m.address(), m.provider(), imap, null));
    }

    public void onEmailSent(Envelope cause) {
        EmailSent s = cause.payloadAs(EmailSent.class);
        Optional<String> id = MessageIds.normalise(s.messageId());
        if (id.isEmpty() || s.runId() == null || s.runId().isBlank()) {
            log.warn("EmailSent {} has no usable Message-ID or run; replies to it cannot be matched", com.superkabe.mailguard.ControlCharacters.escaped(s.sendId()));
            return;
        }
        sent.record(new SentMessage(id.get(), s.orgId(), s.mailboxId(), s.sendId(), s.runId(), s.leadId(),
                s.campaignId(), s.recipient()));
    }
}
