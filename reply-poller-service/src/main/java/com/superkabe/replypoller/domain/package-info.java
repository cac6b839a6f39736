/**
 * The reply poller's pure logic: reading Message-ID style headers and deciding what an inbox
 * message is to us (a reply to a message we sent, or unrelated). Bounces (RFC 3464 DSNs) and
 * auto-replies will be further classifications. No frameworks, no I/O.
 */
package com.superkabe.replypoller.domain;
