package com.superkabe.replypoller.application;

/**
 * Port: which mailboxes this replica polls (ADR 0053). With several replicas each mailbox belongs to
 * exactly one of them at a time, so a mailbox is never polled from two replicas at once but for a
 * moment during a rebalance, when the inbox's processed-message record still keeps every message to one
 * handling.
 */
@FunctionalInterface
public interface PollShare {

    boolean owns(String mailboxId);
}
