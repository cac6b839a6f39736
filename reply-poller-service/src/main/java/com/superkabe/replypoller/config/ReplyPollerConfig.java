package com.superkabe.replypoller.config;

import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.replypoller.adapter.out.imap.ImapMailReader;
import com.superkabe.replypoller.application.InboxPoller;
import com.superkabe.replypoller.application.MailReader;
import com.superkabe.replypoller.application.MailboxDirectory;
import com.superkabe.replypoller.application.Mailboxes;
import com.superkabe.replypoller.application.ProcessedReplies;
import com.superkabe.replypoller.application.SentMessages;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties(PollProperties.class)
class ReplyPollerConfig {

    @Bean
    MailboxDirectory mailboxDirectory(Mailboxes mailboxes, SentMessages sent) {
        return new MailboxDirectory(mailboxes, sent);
    }

    /** IMAP passwords arrive sealed; without the platform key no inbox can be opened, so refuse to start. */
    @Bean
    MailReader mailReader(ObjectProvider<SecretBox> secrets, PollProperties props) {
        SecretBox box = secrets.getIfAvailable();
        if (box == null) {
            throw new IllegalStateException("superkabe.secrets.key (env SUPERKABE_SECRETS_KEY, base64 of 32 bytes) "
                    + "is required: the reply poller decrypts mailbox IMAP passwords with it");
        }
        return new ImapMailReader(box, props.connectTimeout(), props.readTimeout());
    }

    @Bean
    InboxPoller inboxPoller(Mailboxes mailboxes, SentMessages sent, ProcessedReplies processed, MailReader reader,
                            EventSink events, Envelopes envelopes, TransactionTemplate tx, MeterRegistry meters,
                            PollProperties props) {
        return new InboxPoller(mailboxes, sent, processed, reader, events, envelopes, tx, meters,
                props.maxMessagesPerMailbox());
    }
}
