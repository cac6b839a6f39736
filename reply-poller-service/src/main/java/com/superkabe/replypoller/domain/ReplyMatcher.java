package com.superkabe.replypoller.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an inbox message replies to a message we sent: its {@code In-Reply-To}, else
 * its {@code References} from last (the direct parent) to first, must name the Message-ID of a
 * message sent by the same organization. A message without its own Message-ID cannot be
 * recorded as processed, so it is never a reply.
 */
public final class ReplyMatcher {

    private ReplyMatcher() {
    }

    public static Classification classify(InboxMessage message, String mailboxOrgId, SentMessageLookup sent) {
        Optional<String> ownId = MessageIds.normalise(message.messageId());
        if (ownId.isEmpty()) {
            return new Classification.Unmatched("no Message-ID");
        }
        return answered(message, mailboxOrgId, sent)
                .<Classification>map(s -> new Classification.Reply(ownId.get(), s, message.fromAddress(),
                        message.subject()))
                .orElseGet(() -> new Classification.Unmatched("references no message we sent"));
    }

    /** The message of this organization that the message answers, if any. */
    public static Optional<SentMessage> answered(InboxMessage message, String mailboxOrgId, SentMessageLookup sent) {
        for (String candidate : candidates(message)) {
            Optional<SentMessage> answered = sent.find(candidate).filter(s -> s.orgId().equals(mailboxOrgId));
            if (answered.isPresent()) {
                return answered;
            }
        }
        return Optional.empty();
    }

    /** The ids a message refers to, in the order they are tried. */
    public static List<String> candidates(InboxMessage message) {
        List<String> ids = new ArrayList<>(MessageIds.parseAll(message.inReplyTo()));
        List<String> references = MessageIds.parseAll(message.references());
        for (int i = references.size() - 1; i >= 0; i--) {
            if (!ids.contains(references.get(i))) {
                ids.add(references.get(i));
            }
        }
        return ids;
    }
}
