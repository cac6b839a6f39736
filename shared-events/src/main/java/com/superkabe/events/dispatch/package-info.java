/** The sequencer's dispatch decisions about mailboxes (not runs), keyed by mailbox: ESP throttling. */
package com.superkabe.events.dispatch;
