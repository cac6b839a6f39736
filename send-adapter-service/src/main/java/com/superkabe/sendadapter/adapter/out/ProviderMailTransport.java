package com.superkabe.sendadapter.adapter.out;

import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.OutgoingEmail;
import com.superkabe.sendadapter.domain.Delivery;
import java.util.Locale;
import java.util.Map;

/** Hands each mailbox's emails to the transport of its provider (SMTP, GRAPH, GMAIL). */
public class ProviderMailTransport implements MailTransport {

    private final Map<String, MailTransport> byProvider;

    public ProviderMailTransport(Map<String, MailTransport> byProvider) {
        this.byProvider = Map.copyOf(byProvider);
    }

    @Override
    public Connection open(Mailbox mailbox) {
        MailTransport transport = mailbox.provider() == null ? null
                : byProvider.get(mailbox.provider().toUpperCase(Locale.ROOT));
        if (transport == null) {
            Delivery none = Delivery.unusableMailbox("no transport for provider " + mailbox.provider());
            return new Connection() {
                @Override
                public Delivery deliver(OutgoingEmail email) {
                    return none;
                }

                @Override
                public void close() {
                }
            };
        }
        return transport.open(mailbox);
    }
}
