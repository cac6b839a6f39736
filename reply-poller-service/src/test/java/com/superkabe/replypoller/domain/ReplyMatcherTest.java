package com.superkabe.replypoller.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyMatcherTest {

    private static final SentMessage FIRST = new SentMessage("send-1@acme.test", "org-1", "mb-1", "send-1", "run-1",
            "lead-1");
    private static final SentMessage SECOND = new SentMessage("send-2@acme.test", "org-1", "mb-1", "send-2", "run-1",
            "lead-1");
    private static final SentMessageLookup SENT = id -> Optional.ofNullable(
            Map.of(FIRST.messageId(), FIRST, SECOND.messageId(), SECOND).get(id));

    @Test
    void matchesAReplyWhoseInReplyToIsAMessageWeSent() {
        InboxMessage reply = new InboxMessage("<r-1@lead.test>", "<send-1@acme.test>", null, "ada@lead.test",
                "Re: hello");

        Classification c = ReplyMatcher.classify(reply, "org-1", SENT);

        assertThat(c).isEqualTo(new Classification.Reply("r-1@lead.test", FIRST, "ada@lead.test", "Re: hello"));
    }

    @Test
    void matchesOnReferencesAloneTryingTheDirectParentFirst() {
        InboxMessage reply = new InboxMessage("<r-2@lead.test>", null,
                "<send-1@acme.test>\r\n <unknown@lead.test> <send-2@acme.test>", "ada@lead.test", "Re: follow-up");

        Classification c = ReplyMatcher.classify(reply, "org-1", SENT);

        assertThat(c).isInstanceOfSatisfying(Classification.Reply.class,
                r -> assertThat(r.answered()).isEqualTo(SECOND));
    }

    @Test
    void fallsBackToReferencesWhenInReplyToNamesSomethingWeDidNotSend() {
        InboxMessage reply = new InboxMessage("<r-3@lead.test>", "<their-own@lead.test>", "<send-1@acme.test>",
                null, null);

        assertThat(ReplyMatcher.classify(reply, "org-1", SENT)).isInstanceOfSatisfying(Classification.Reply.class,
                r -> assertThat(r.answered()).isEqualTo(FIRST));
    }

    @Test
    void leavesAMessageThatReferencesNothingWeSentUnmatched() {
        InboxMessage newsletter = new InboxMessage("<n-1@news.test>", null, "<x@news.test>", "news@news.test",
                "Weekly");

        assertThat(ReplyMatcher.classify(newsletter, "org-1", SENT)).isInstanceOf(Classification.Unmatched.class);
    }

    @Test
    void neverMatchesAMessageSentByAnotherOrganization() {
        InboxMessage reply = new InboxMessage("<r-4@lead.test>", "<send-1@acme.test>", null, null, null);

        assertThat(ReplyMatcher.classify(reply, "org-2", SENT)).isInstanceOf(Classification.Unmatched.class);
    }

    @Test
    void toleratesMalformedHeadersAndMatchesWhatCanBeParsed() {
        InboxMessage sloppy = new InboxMessage("  <r-5@lead.test>  (comment)", "send-1@acme.test", "garbage <<>> ",
                null, null);

        Classification c = ReplyMatcher.classify(sloppy, "org-1", SENT);

        assertThat(c).isInstanceOfSatisfying(Classification.Reply.class, r -> {
            assertThat(r.replyMessageId()).isEqualTo("r-5@lead.test");
            assertThat(r.answered()).isEqualTo(FIRST);
        });
    }

    @Test
    void leavesAMessageWithoutItsOwnMessageIdUnmatchedBecauseItCouldNotBeRecordedAsProcessed() {
        InboxMessage anonymous = new InboxMessage("   ", "<send-1@acme.test>", null, null, null);

        assertThat(ReplyMatcher.classify(anonymous, "org-1", SENT))
                .isEqualTo(new Classification.Unmatched("no Message-ID"));
    }

    @Test
    void leavesAMessageWithOnlyUnparseableReferencesUnmatched() {
        InboxMessage junk = new InboxMessage("<j-1@x.test>", "<>", "not an id at all", null, null);

        assertThat(ReplyMatcher.classify(junk, "org-1", SENT)).isInstanceOf(Classification.Unmatched.class);
        assertThat(ReplyMatcher.candidates(junk)).isEmpty();
    }
}
