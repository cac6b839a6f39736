package com.superkabe.sendadapter.config;

import com.superkabe.mailguard.MailboxProperties;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.adapter.out.ProviderMailTransport;
import com.superkabe.sendadapter.adapter.out.ProviderSentCopies;
import com.superkabe.sendadapter.adapter.out.imap.ImapSentCopies;
import com.superkabe.sendadapter.application.MailboxConnections;
import com.superkabe.sendadapter.application.PendingReconciliations;
import com.superkabe.sendadapter.application.Reconciler;
import com.superkabe.sendadapter.application.SendBatches;
import com.superkabe.sendadapter.application.SentCopies;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.support.TransactionTemplate;
import com.superkabe.sendadapter.adapter.out.gmail.GmailMailTransport;
import com.superkabe.sendadapter.adapter.out.graph.GraphMailTransport;
import com.superkabe.sendadapter.adapter.out.smtp.SmtpMailTransport;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.MailboxService;
import com.superkabe.sendadapter.application.Mailboxes;
import com.superkabe.sendadapter.application.SendAttempts;
import com.superkabe.sendadapter.application.SendService;
import com.superkabe.sendadapter.application.TrackedSends;
import com.superkabe.sendadapter.application.TrackingLinks;
import com.superkabe.sendadapter.application.TrackingService;
import com.superkabe.sendadapter.domain.TrackingTokens;
import com.superkabe.mailguard.MailHostPolicy;
import com.superkabe.mailguard.GuardedSockets;
import org.springframework.core.env.Environment;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration
@EnableConfigurationProperties({SmtpProperties.class, TrackingProperties.class, GraphProperties.class,
        GmailProperties.class, ReconciliationProperties.class, MailboxProperties.class})
class SendAdapterConfig {

    @Bean
    GraphMailTransport graphMailTransport(SecretBox secrets, GraphProperties graph, Clock clock) {
        return new GraphMailTransport(secrets, graph, clock);
    }

    @Bean
    GmailMailTransport gmailMailTransport(SecretBox secrets, GmailProperties gmail, Clock clock) {
        return new GmailMailTransport(secrets, gmail, clock);
    }

    /** Which mailbox servers may be connected to: checked at the API and on every socket (ADR 0027). */
    @Bean
    MailHostPolicy mailHostPolicy(MailboxProperties props, Environment env) {
        return props.policy(env);
    }

    @Bean
    GuardedSockets guardedSockets(MailHostPolicy policy) {
        return new GuardedSockets(policy);
    }

    /** The one transport the use cases see; the provider transports are also beans for reconciliation. */
    @Bean
    @Primary
    MailTransport mailTransport(SecretBox secrets, SmtpProperties smtp, GraphMailTransport graph,
                                GmailMailTransport gmail, Clock clock, GuardedSockets sockets) {
        return new ProviderMailTransport(Map.of("SMTP", new SmtpMailTransport(secrets, smtp, clock, sockets),
                "GRAPH", graph, "GMAIL", gmail));
    }

    @Bean
    @Primary
    SentCopies sentCopies(SecretBox secrets, SmtpProperties smtp, GraphMailTransport graph,
                          GmailMailTransport gmail, GuardedSockets sockets) {
        return new ProviderSentCopies(Map.of("SMTP", new ImapSentCopies(secrets, smtp, sockets), "GRAPH", graph,
                "GMAIL", gmail));
    }

    @Bean
    Reconciler reconciler(PendingReconciliations pending, SentCopies sentCopies, Mailboxes mailboxes,
                          SendAttempts attempts, EventSink events, Envelopes envelopes, TransactionTemplate tx,
                          Clock clock, ReconciliationProperties props) {
        return new Reconciler(pending, sentCopies, mailboxes, attempts, events, envelopes, tx, clock, props.delay(),
                props.maxChecks());
    }

    @Bean
    SendService sendService(Mailboxes mailboxes, MailboxConnections connections, SendAttempts attempts,
                            EventSink events, Envelopes envelopes, TrackingLinks links, Reconciler reconciler) {
        return new SendService(mailboxes, connections, attempts, events, envelopes, links, reconciler);
    }

    @Bean
    SendBatches sendBatches(SendService sends, MailTransport transport, TransactionTemplate tx,
                            MeterRegistry meters, MailboxConnections connections,
                            @Value("${superkabe.send.poll-budget:2m}") java.time.Duration pollBudget) {
        Gauge.builder("superkabe_mailboxes_disconnected", connections, MailboxConnections::disconnected)
                .description("mailboxes whose credentials were refused and not yet replaced").register(meters);
        return new SendBatches(sends, transport, tx, meters, pollBudget, System::nanoTime);
    }

    @Bean
    TrackingTokens trackingTokens(TrackingProperties props,
                                  @Value("${superkabe.secrets.key:}") String platformKey) {
        return new TrackingTokens(props.keys(platformKey));
    }

    @Bean
    TrackingLinks trackingLinks(TrackingTokens tokens, TrackingProperties props) {
        return new TrackingLinks(tokens, props.baseUrl(), props.openPixel(), props.clickTracking());
    }

    @Bean
    TrackingService trackingService(TrackingTokens tokens, TrackedSends sends, EventSink events, Envelopes envelopes,
                                    Clock clock) {
        return new TrackingService(tokens, sends, events, envelopes, clock);
    }

    @Bean
    MailboxService mailboxService(Mailboxes mailboxes, MailboxConnections connections, EventSink events,
                                  Envelopes envelopes) {
        return new MailboxService(mailboxes, connections, events, envelopes);
    }
}
