package com.superkabe.replypoller.domain;

import java.util.List;

/**
 * What an inbox message is to us; callers switch over this exhaustively. Only a {@link Reply}
 * means a person answered. Send references ({@code original}, {@code answered}) are null when
 * the message could not be matched to a message we sent.
 */
public sealed interface Classification {

    /** A message answering one we sent. {@code replyMessageId} is the reply's own id, normalised. */
    record Reply(String replyMessageId, SentMessage answered, String fromAddress, String subject)
            implements Classification {
    }

    /**
     * A delivery failure report (RFC 3464 DSN or an MTA's plain-text bounce) naming at least one
     * failed recipient. {@code originalMessageId} is normalised, null when the bounce names none.
     */
    record Bounce(String dsnMessageId, List<BouncedRecipient> recipients, String originalMessageId,
                  SentMessage original) implements Classification {
        public Bounce {
            recipients = List.copyOf(recipients);
        }
    }

    /** An automatic answer (RFC 3834 auto-reply, out-of-office): never a reply. {@code signal} says why. */
    record AutoReply(String messageId, String signal, SentMessage answered) implements Classification {
    }

    /** An ARF feedback report (RFC 5965): the recipient complained about a message. */
    record FeedbackReport(String reportMessageId, String feedbackType, String recipient, String originalMessageId,
                          SentMessage original) implements Classification {
    }

    /** Nothing we sent is referenced (yet: the EmailSent may still be on its way), or unusable. */
    record Unmatched(String reason) implements Classification {
    }
}
