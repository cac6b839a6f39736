package com.superkabe.sendadapter.adapter.out;

import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.OutgoingEmail;
import com.superkabe.sendadapter.domain.Delivery;
import java.util.Locale;
import java.util.Map;

/** Hands each email to the transport of its mailbox's provider (SMTP, GRAPH, GMAIL). */
public class ProviderMailTransport implements MailTransport {

    private final Map<String, MailTransport> byProvider;

    public ProviderMailTransport(Map<String, MailTransport> byProvider) {
        this.byProvider = Map.copyOf(byProvider);
    }

    @Override
    public Delivery deliver(Mailbox mailbox, OutgoingEmail email) {
        MailTransport transport = mailbox.provider() == null ? null
                : byProvider.get(mailbox.provider().toUpperCase(Locale.ROOT));
        return transport == null ? new Delivery("CONFIGURATION", 0, "no transport for provider "
                + mailbox.provider()) : transport.deliver(mailbox, email);
    }
}
