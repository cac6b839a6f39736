package com.superkabe.sendadapter.adapter.out.smtp;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.config.SmtpProperties;
import java.time.Clock;

/**
 * SMTP delivery with Angus Mail, one connection and one login per mailbox batch (see
 * {@link SmtpConnection} for the conversation and how each ending is classified). The Message-ID is
 * the engine's, not the server's; every message carries the one-click unsubscribe headers.
 */
public class SmtpMailTransport implements MailTransport {

    private final SecretBox secrets;
    private final SmtpProperties props;
    private final Clock clock;

    public SmtpMailTransport(SecretBox secrets, SmtpProperties props, Clock clock) {
        this.secrets = secrets;
        this.props = props;
        this.clock = clock;
    }

    @Override
    public Connection open(Mailbox mailbox) {
        return new SmtpConnection(mailbox.smtp(), secrets, props, clock);
    }
}
