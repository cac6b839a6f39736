/**
 * The reply poller's pure logic: reading Message-ID style headers and deciding what an inbox
 * message is to us: a reply to a message we sent, a bounce (RFC 3464 DSN or an MTA's plain-text
 * notice, classed HARD or SOFT), an auto-reply (RFC 3834), a feedback report (ARF), or
 * unrelated. Works on a neutral {@link com.superkabe.replypoller.domain.MailContent}; no mail
 * library, no frameworks, no I/O.
 */
package com.superkabe.replypoller.domain;
