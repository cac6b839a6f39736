/** The mailbox registry: written by the send adapter, which owns connections and credentials. */
package com.superkabe.events.mailbox;
