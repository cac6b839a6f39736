/**
 * The reply poller's use cases: keeping its copy of mailboxes and sent Message-IDs from Kafka,
 * and polling each inbox, publishing one ReplyReceived per reply. Ports are interfaces here;
 * JDBC and IMAP implement them in {@code adapter.out}.
 */
package com.superkabe.replypoller.application;
