/**
 * The protection layer's use cases: counting send outcomes per mailbox from Kafka and answering
 * queries for one organization's mailboxes. Ports are interfaces here; JDBC implements them.
 */
package com.superkabe.protection.application;
