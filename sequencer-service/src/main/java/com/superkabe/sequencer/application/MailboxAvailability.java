package com.superkabe.sequencer.application;

/**
 * Port: which mailboxes the protection layer lets send. The dispatcher never picks a run whose
 * mailbox cannot send; the run stays due and goes out on the first tick after the mailbox recovers.
 * Protection always wins (seed 002).
 */
public interface MailboxAvailability {

    void set(String mailboxId, boolean canSend);
}
