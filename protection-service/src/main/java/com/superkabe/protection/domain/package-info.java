/**
 * The protection layer's pure logic: the mailbox state machine ({@link
 * com.superkabe.protection.domain.MailboxDecider}, healing pipeline, bounce rule, operator
 * requests), the domain state machine and the correlation check. Decisions are functions of
 * (state, command, policy) with time from the logical clock only. No frameworks.
 */
package com.superkabe.protection.domain;
