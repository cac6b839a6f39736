package com.superkabe.protection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class MailboxCountingTest {

    private static final MailboxRegistered REGISTERED = new MailboxRegistered("org-1", "mb-1", "sales@acme.test",
            "acme.test", "smtp", 50, null, null);

    @Test
    void countsAnEmailSentAsASend() {
        MailboxCounters given = registered();

        MailboxCounters then = MailboxCounting.evolve(given, sent("s-1"));

        assertThat(then).isEqualTo(new MailboxCounters("mb-1", "org-1", "sales@acme.test", "acme.test", true, 1, 0,
                0));
    }

    @Test
    void countsAHardBounceAsASendAndABounce() {
        MailboxCounters given = replay(registered(), sent("s-1"), sent("s-2"));

        MailboxCounters then = MailboxCounting.evolve(given, failed("s-3", "HARD_BOUNCE"));

        assertThat(then.sends()).isEqualTo(3);
        assertThat(then.bounces()).isEqualTo(1);
        assertThat(then.failures()).isZero();
    }

    @Test
    void countsTransientAmbiguousAndConfigurationFailuresAsFailuresNeverAsBounces() {
        MailboxCounters then = replay(registered(), failed("s-1", "TRANSIENT"), failed("s-2", "AMBIGUOUS"),
                failed("s-3", "CONFIGURATION"), failed("s-4", "SOMETHING_NEW"));

        assertThat(then.sends()).isZero();
        assertThat(then.bounces()).isZero();
        assertThat(then.failures()).isEqualTo(4);
    }

    @Test
    void countsOutcomesOfAMailboxNotRegisteredYetAndKeepsThemWhenItRegisters() {
        MailboxCounters given = replay(MailboxCounters.none("mb-1", "org-1"), sent("s-1"),
                failed("s-2", "HARD_BOUNCE"));
        assertThat(given.registered()).isFalse();

        MailboxCounters then = MailboxCounting.evolve(given, REGISTERED);

        assertThat(then).isEqualTo(new MailboxCounters("mb-1", "org-1", "sales@acme.test", "acme.test", true, 2, 1,
                0));
    }

    @Test
    void reachesTheSameCountersWhenTheSameOutcomesAreReplayed() {
        List<SendOutcome> history = List.of(sent("s-1"), failed("s-2", "HARD_BOUNCE"), failed("s-3", "TRANSIENT"));

        MailboxCounters first = replay(registered(), history.toArray(SendOutcome[]::new));
        MailboxCounters second = replay(registered(), history.toArray(SendOutcome[]::new));

        assertThat(first).isEqualTo(second);
        assertThat(first.state()).isEqualTo("healthy");
    }

    private static MailboxCounters registered() {
        return MailboxCounting.evolve(MailboxCounters.none("mb-1", "org-1"), REGISTERED);
    }

    private static MailboxCounters replay(MailboxCounters state, SendOutcome... outcomes) {
        for (SendOutcome o : outcomes) {
            state = MailboxCounting.evolve(state, o);
        }
        return state;
    }

    private static EmailSent sent(String sendId) {
        return new EmailSent("org-1", sendId, "run-1", "c-1", "lead-1", "mb-1", 0, "ada@lead.test",
                "<" + sendId + "@acme.test>", 1);
    }

    private static EmailSendFailed failed(String sendId, String kind) {
        return new EmailSendFailed("org-1", sendId, "run-1", "c-1", "lead-1", "mb-1", 0, "ada@lead.test", kind, 550,
                "detail", 1);
    }
}
