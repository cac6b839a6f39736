package com.superkabe.sendadapter.config;

import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.adapter.out.smtp.SmtpMailTransport;
import com.superkabe.sendadapter.application.MailTransport;
import com.superkabe.sendadapter.application.MailboxService;
import com.superkabe.sendadapter.application.Mailboxes;
import com.superkabe.sendadapter.application.SendAttempts;
import com.superkabe.sendadapter.application.SendService;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SmtpProperties.class)
class SendAdapterConfig {

    @Bean
    MailTransport mailTransport(SecretBox secrets, SmtpProperties props, Clock clock) {
        return new SmtpMailTransport(secrets, props, clock);
    }

    @Bean
    SendService sendService(Mailboxes mailboxes, SendAttempts attempts, EventSink events, Envelopes envelopes) {
        return new SendService(mailboxes, attempts, events, envelopes);
    }

    @Bean
    MailboxService mailboxService(Mailboxes mailboxes, EventSink events, Envelopes envelopes) {
        return new MailboxService(mailboxes, events, envelopes);
    }
}
