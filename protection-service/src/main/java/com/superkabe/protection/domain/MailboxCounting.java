package com.superkabe.protection.domain;

import com.superkabe.events.mailbox.MailboxRegistered;
import com.superkabe.events.send.SendOutcome;

/** How a mailbox's counters evolve with each input event. Pure: same events, same counters. */
public final class MailboxCounting {

    private MailboxCounting() {
    }

    /** A send outcome: EmailSent is a send; a hard bounce is a send and a bounce; anything else a failure. */
    public static MailboxCounters evolve(MailboxCounters state, SendOutcome outcome) {
        OutcomeKind kind = OutcomeKind.of(outcome);
        return new MailboxCounters(state.mailboxId(), state.orgId(), state.address(), state.domain(),
                state.registered(),
                state.sends() + (kind.sent() ? 1 : 0),
                state.bounces() + (kind == OutcomeKind.HARD_BOUNCE ? 1 : 0),
                state.failures() + (kind.sent() ? 0 : 1));
    }

    /** A registration (or re-registration) names the mailbox and keeps whatever was already counted. */
    public static MailboxCounters evolve(MailboxCounters state, MailboxRegistered registered) {
        return new MailboxCounters(state.mailboxId(), registered.orgId(), registered.address(), registered.domain(),
                true, state.sends(), state.bounces(), state.failures());
    }
}
