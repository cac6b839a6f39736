package com.superkabe.replypoller.adapter.out.api;

import com.superkabe.replypoller.application.MailReader;
import com.superkabe.replypoller.application.PolledMailbox;

/**
 * Picks the reader by the mailbox's provider: a GMAIL or GRAPH mailbox with granted inbox access is read
 * through its API; any other mailbox (SMTP, or an API mailbox with only IMAP credentials) over IMAP.
 */
public class ProviderMailReader implements MailReader {

    private final MailReader imap;
    private final MailReader gmail;
    private final MailReader graph;

    public ProviderMailReader(MailReader imap, MailReader gmail, MailReader graph) {
        this.imap = imap;
        this.gmail = gmail;
        this.graph = graph;
    }

    @Override
    public Inbox read(PolledMailbox mailbox, String cursor, int maxMessages) throws MailboxUnreachable {
        if (!mailbox.readThroughApi()) {
            return imap.read(mailbox, null, maxMessages);
        }
        return ("GMAIL".equals(mailbox.api().provider()) ? gmail : graph).read(mailbox, cursor, maxMessages);
    }
}
