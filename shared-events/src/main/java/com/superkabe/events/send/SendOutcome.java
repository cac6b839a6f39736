package com.superkabe.events.send;

import com.superkabe.events.SuperkabeEvent;

/** What became of one send request, keyed by mailbox so per-mailbox windows see sends in order. */
public sealed interface SendOutcome extends SuperkabeEvent permits EmailSent, EmailSendFailed {

    String sendId();

    String runId();

    String mailboxId();

    int step();

    /** The tick of the request this outcome answers, so the sequencer's next due tick is replayable. */
    long requestTick();

    @Override
    default String subject() {
        return sendId();
    }

    @Override
    default String partitionKey() {
        return mailboxId();
    }
}
