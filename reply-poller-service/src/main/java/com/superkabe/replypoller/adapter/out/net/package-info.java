/**
 * Network access to mailbox servers: every SMTP and IMAP socket is checked against the mailbox host
 * policy at the address it actually connects to (ADR 0027).
 */
package com.superkabe.replypoller.adapter.out.net;
