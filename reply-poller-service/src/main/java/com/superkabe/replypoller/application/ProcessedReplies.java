package com.superkabe.replypoller.application;

import java.util.Collection;
import java.util.Set;

/** Port: inbox messages already turned into an event, per mailbox (unique by mailbox and Message-ID). */
public interface ProcessedReplies {

    /** Those of {@code messageIds} already processed for the mailbox. */
    Set<String> processedAmong(String mailboxId, Collection<String> messageIds);

    /** Records the message as processed; false if it already was (e.g. by a concurrent poller). */
    boolean markProcessed(String mailboxId, String messageId, String replyId);
}
