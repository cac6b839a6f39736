package com.superkabe.sendadapter.config;

import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.adapter.out.ProviderMailTransport;
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
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({SmtpProperties.class, TrackingProperties.class, GraphProperties.class,
        GmailProperties.class})
class SendAdapterConfig {

    @Bean
    MailTransport mailTransport(SecretBox secrets, SmtpProperties smtp, GraphProperties graph, GmailProperties gmail,
                                Clock clock) {
        return new ProviderMailTransport(Map.of("SMTP", new SmtpMailTransport(secrets, smtp, clock),
                "GRAPH", new GraphMailTransport(secrets, graph, clock),
                "GMAIL", new GmailMailTransport(secrets, gmail, clock)));
    }

    @Bean
    SendService sendService(Mailboxes mailboxes, SendAttempts attempts, EventSink events, Envelopes envelopes,
                            TrackingLinks links) {
        return new SendService(mailboxes, attempts, events, envelopes, links);
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
    MailboxService mailboxService(Mailboxes mailboxes, EventSink events, Envelopes envelopes) {
        return new MailboxService(mailboxes, events, envelopes);
    }
}
