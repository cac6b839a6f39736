package com.superkabe.replypoller.config;

import com.superkabe.mailguard.MailboxProperties;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.replypoller.adapter.out.api.GmailMailReader;
import com.superkabe.replypoller.adapter.out.api.GraphMailReader;
import com.superkabe.replypoller.adapter.out.api.ProviderApi;
import com.superkabe.replypoller.adapter.out.api.ProviderMailReader;
import com.superkabe.replypoller.adapter.out.imap.ImapMailReader;
import com.superkabe.mailguard.GuardedSockets;
import org.springframework.core.env.Environment;
import com.superkabe.replypoller.application.InboxAccessGrants;
import com.superkabe.replypoller.application.InboxCursors;
import com.superkabe.replypoller.application.InboxPoller;
import com.superkabe.replypoller.application.MailReader;
import com.superkabe.replypoller.application.MailboxDirectory;
import com.superkabe.replypoller.application.Mailboxes;
import com.superkabe.replypoller.application.ProcessedReplies;
import com.superkabe.replypoller.application.SentMessages;
import com.superkabe.replypoller.application.UnmatchedMessages;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableConfigurationProperties({PollProperties.class, ProviderProperties.class, MailboxProperties.class})
class ReplyPollerConfig {

    @Bean
    MailboxDirectory mailboxDirectory(Mailboxes mailboxes, SentMessages sent) {
        return new MailboxDirectory(mailboxes, sent);
    }

    /**
     * IMAP passwords and OAuth secrets are sealed; without the platform key no inbox can be opened, so
     * refuse to start. GMAIL and GRAPH mailboxes with granted inbox access are read through their APIs.
     */
    @Bean
    MailReader mailReader(ObjectProvider<SecretBox> secrets, PollProperties poll, ProviderProperties providers,
                          Clock clock, MailboxProperties mailboxHosts, Environment env) {
        SecretBox box = secrets.getIfAvailable();
        if (box == null) {
            throw new IllegalStateException("superkabe.secrets.key (env SUPERKABE_SECRETS_KEY, base64 of 32 bytes) "
                    + "is required: the reply poller decrypts mailbox IMAP passwords and OAuth secrets with it");
        }
        ProviderApi api = new ProviderApi(poll.connectTimeout(), poll.readTimeout(), clock);
        return new ProviderMailReader(new ImapMailReader(box, poll.connectTimeout(), poll.readTimeout(),
                new GuardedSockets(mailboxHosts.policy(env))),
                new GmailMailReader(api, box, new ProviderApi.Endpoints(providers.gmail().baseUrl(),
                        providers.gmail().tokenUrl())),
                new GraphMailReader(api, box, new ProviderApi.Endpoints(providers.graph().baseUrl(),
                        providers.graph().tokenUrl()), providers.graph().resyncLookback()));
    }

    @Bean
    InboxAccessGrants inboxAccessGrants(Mailboxes mailboxes, InboxCursors cursors, TransactionTemplate tx) {
        return new InboxAccessGrants(mailboxes, cursors, tx);
    }

    @Bean
    InboxPoller inboxPoller(Mailboxes mailboxes, SentMessages sent, ProcessedReplies processed, MailReader reader,
                            InboxCursors cursors, EventSink events, Envelopes envelopes, TransactionTemplate tx,
                            MeterRegistry meters, PollProperties props, Clock clock, UnmatchedMessages unmatched,
                            com.superkabe.replypoller.application.PollShare share) {
        return new InboxPoller(mailboxes, sent, processed, reader, cursors, events, envelopes, tx, meters,
                props.maxMessagesPerMailbox(), clock, unmatched, props.unmatchedRetry(), share);
    }
}
