/**
 * The reply poller's use cases: keeping its copy of mailboxes and sent Message-IDs from Kafka,
 * granting inbox access to API mailboxes, and polling each inbox, publishing one ReplyReceived per reply.
 * Ports are interfaces here; JDBC, IMAP and the Gmail/Graph APIs implement them in {@code adapter.out}.
 */
package com.superkabe.replypoller.application;
