package com.superkabe.replypoller.domain;

import java.util.List;
import java.util.Optional;

/**
 * Decides what an inbox message is, most specific first: a feedback report, a bounce, an
 * auto-reply, a reply, or unmatched. Bounces and auto-replies often carry In-Reply-To of our
 * message, so they must be recognised before reply matching or they would stop the sequence.
 * A bounce is reported even when the send it concerns is unknown: the address is bad either way.
 */
public final class InboxClassifier {

    private InboxClassifier() {
    }

    public static Classification classify(InboxMessage m, String mailboxOrgId, SentMessageLookup sent) {
        Optional<String> ownId = MessageIds.normalise(m.messageId());
        if (ownId.isEmpty()) {
            return new Classification.Unmatched("no Message-ID");
        }
        MailContent c = m.content();
        if (AutomatedMail.isFeedback(c, m.subject())) {
            FeedbackReports.Feedback f = FeedbackReports.read(c);
            Match match = match(m, mailboxOrgId, sent);
            return new Classification.FeedbackReport(ownId.get(), f.feedbackType(), f.recipient(), match.id(),
                    match.sent());
        }
        boolean report = AutomatedMail.isReport(c, "delivery-status");
        if (report || AutomatedMail.looksLikePlainBounce(c, m.subject()) || SesNotifications.isBounce(c)) {
            Match match = match(m, mailboxOrgId, sent);
            List<BouncedRecipient> failed = BounceParser.recipients(c);
            if (failed.isEmpty() && !report && match.sent() != null && match.sent().recipient() != null) {
                failed = BounceParser.forRecipient(c, match.sent().recipient());
            }
            if (!failed.isEmpty()) {
                return new Classification.Bounce(ownId.get(), failed, match.id(), match.sent());
            }
            // never fall through to reply matching: a bounce answering our message is not a reply
            return new Classification.Unmatched(report ? "delivery report without a failed recipient"
                    : "bounce without a recognisable recipient");
        }
        Optional<String> auto = AutomatedMail.autoReplySignal(c, m.subject());
        if (auto.isPresent()) {
            return new Classification.AutoReply(ownId.get(), auto.get(),
                    ReplyMatcher.answered(m, mailboxOrgId, sent).orElse(null));
        }
        return ReplyMatcher.classify(m, mailboxOrgId, sent);
    }

    /** Every id a message may point at, for looking sent messages up in one query. */
    public static List<String> referencedIds(InboxMessage m) {
        return OriginalMessage.candidates(m);
    }

    private record Match(String id, SentMessage sent) {
    }

    private static Match match(InboxMessage m, String orgId, SentMessageLookup sent) {
        List<String> candidates = OriginalMessage.candidates(m);
        for (String id : candidates) {
            Optional<SentMessage> s = sent.find(id).filter(x -> x.orgId().equals(orgId));
            if (s.isPresent()) {
                return new Match(id, s.get());
            }
        }
        return new Match(candidates.isEmpty() ? null : candidates.getFirst(), null);
    }
}
