package com.superkabe.replypoller.application;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventIds;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.replypoller.domain.BouncedRecipient;
import com.superkabe.replypoller.domain.Classification;
import com.superkabe.replypoller.domain.MessageIds;
import com.superkabe.replypoller.domain.SentMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of bounces and feedback reports. Ids are derived from the mailbox, the report's own
 * Message-ID and (for a bounce) the recipient, so polling the same report again reproduces them
 * and consumers' inboxes drop the duplicate.
 */
final class AutomatedMailEvents {

    private static final int MAX_DIAGNOSTIC = 200;

    private final Envelopes envelopes;

    AutomatedMailEvents(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    List<Envelope> bounces(PolledMailbox mailbox, Classification.Bounce b) {
        SentMessage s = b.original();
        List<Envelope> out = new ArrayList<>();
        for (BouncedRecipient r : b.recipients()) {
            String name = "bounce/" + mailbox.mailboxId() + "/" + b.dsnMessageId() + "/" + r.recipient();
            out.add(envelopes.origin(name, -1, new EmailBounced(mailbox.orgId(), EventIds.derive(name),
                    mailbox.mailboxId(), s == null ? null : s.sendId(), s == null ? null : s.runId(),
                    s == null ? null : s.campaignId(), s == null ? null : s.leadId(), r.recipient(),
                    r.bounceClass().name(), r.status(), r.smtpCode(), r.reason(), diagnostic(r),
                    MessageIds.bracketed(b.dsnMessageId()),
                    b.originalMessageId() == null ? null : MessageIds.bracketed(b.originalMessageId()),
                    r.category())));
        }
        return out;
    }

    Envelope complaint(PolledMailbox mailbox, Classification.FeedbackReport f) {
        SentMessage s = f.original();
        String name = "complaint/" + mailbox.mailboxId() + "/" + f.reportMessageId();
        String recipient = f.recipient() != null ? f.recipient() : s == null ? null : s.recipient();
        return envelopes.origin(name, -1, new ComplaintReceived(mailbox.orgId(), EventIds.derive(name),
                mailbox.mailboxId(), s == null ? null : s.sendId(), s == null ? null : s.runId(),
                s == null ? null : s.campaignId(), s == null ? null : s.leadId(), recipient, f.feedbackType(),
                MessageIds.bracketed(f.reportMessageId()),
                f.originalMessageId() == null ? null : MessageIds.bracketed(f.originalMessageId())));
    }

    /** The start of the MTA's diagnostic on one line, e.g. "550 5.1.1 No such user"; null when none. */
    private static String diagnostic(BouncedRecipient r) {
        String text = r.diagnostic().replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= MAX_DIAGNOSTIC ? text : text.substring(0, MAX_DIAGNOSTIC);
    }
}
