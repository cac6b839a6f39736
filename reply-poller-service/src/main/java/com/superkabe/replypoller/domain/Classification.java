package com.superkabe.replypoller.domain;

/**
 * What an inbox message is to us. Bounces (RFC 3464 delivery status notifications) and
 * auto-replies will join as further cases; callers switch over this exhaustively.
 */
public sealed interface Classification {

    /** A message answering one we sent. {@code replyMessageId} is the reply's own id, normalised. */
    record Reply(String replyMessageId, SentMessage answered, String fromAddress, String subject)
            implements Classification {
    }

    /** Nothing we sent is referenced (yet: the EmailSent may still be on its way), or unusable. */
    record Unmatched(String reason) implements Classification {
    }
}
