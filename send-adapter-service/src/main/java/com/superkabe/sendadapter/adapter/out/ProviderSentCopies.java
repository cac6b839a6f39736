package com.superkabe.sendadapter.adapter.out;

import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.SentCopies;
import java.util.Locale;
import java.util.Map;

/** Asks the mailbox's provider (IMAP for SMTP mailboxes, the Gmail API, Microsoft Graph) for a sent copy. */
public class ProviderSentCopies implements SentCopies {

    private final Map<String, SentCopies> byProvider;

    public ProviderSentCopies(Map<String, SentCopies> byProvider) {
        this.byProvider = Map.copyOf(byProvider);
    }

    @Override
    public Lookup find(Mailbox mailbox, String messageId) {
        SentCopies s = mailbox.provider() == null ? null : byProvider.get(mailbox.provider().toUpperCase(Locale.ROOT));
        return s == null ? Lookup.UNAVAILABLE : s.find(mailbox, messageId);
    }
}
