package com.superkabe.sendadapter.adapter.out.smtp;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.mailguard.GuardedSockets;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.config.SmtpProperties;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * SMTP delivery with Angus Mail, one connection and one login per mailbox batch (see
 * {@link SmtpConnection} for the conversation and how each ending is classified). The Message-ID is
 * the engine's, not the server's; every message carries the one-click unsubscribe headers.
 */
public class SmtpMailTransport implements MailTransport {

    private final SecretBox secrets;
    private final SmtpProperties props;
    private final Clock clock;
    /**
     * One timer thread for every connection's write timeouts: without it Angus starts a scheduler
     * thread per connection. Cancelled timers are removed at once (one is scheduled per write).
     */
    private final ScheduledExecutorService writeTimeouts;

    private final GuardedSockets sockets;

    public SmtpMailTransport(SecretBox secrets, SmtpProperties props, Clock clock, GuardedSockets sockets) {
        this.sockets = sockets;
        this.secrets = secrets;
        this.props = props;
        this.clock = clock;
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "smtp-write-timeouts");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.writeTimeouts = timers;
    }

    @Override
    public Connection open(Mailbox mailbox) {
        return new SmtpConnection(mailbox.smtp(), secrets, props, clock, writeTimeouts, sockets);
    }
}
