package com.superkabe.sendadapter.domain;

import java.util.Optional;

/**
 * Exactly-once effects for sends: given what is recorded for a send id, decide whether to deliver.
 * An attempt found still ATTEMPTING was interrupted mid-conversation; delivering again could send
 * the mail twice, so it is reported as ambiguous for reconciliation instead.
 */
public final class SendGuard {

    public enum Action { DELIVER, ALREADY_SETTLED, REPORT_AMBIGUOUS }

    private SendGuard() {
    }

    public static Action decide(Optional<AttemptState> recorded) {
        return recorded.map(state -> state == AttemptState.ATTEMPTING ? Action.REPORT_AMBIGUOUS
                : Action.ALREADY_SETTLED).orElse(Action.DELIVER);
    }

    /** The engine-assigned Message-ID of a send: derived from the send id, never from the provider. */
    public static String messageId(String sendId, String mailboxDomain) {
        return "<" + sendId + "@" + mailboxDomain + ">";
    }
}
