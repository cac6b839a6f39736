/** What the IMAP poller finds in mailbox inboxes. */
package com.superkabe.events.reply;
