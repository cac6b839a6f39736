package com.superkabe.replypoller.adapter.out.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.testing.TestInfra;
import com.superkabe.replypoller.application.MailReader;
import com.superkabe.replypoller.application.MailReader.MailboxUnreachable;
import com.superkabe.replypoller.application.PolledMailbox;
import com.superkabe.replypoller.domain.InboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Graph reader against a local server that follows Microsoft Graph's documented delta contract. */
class GraphMailReaderTest {

    private static final SecretBox SECRETS = new SecretBox(TestInfra.TEST_SECRET_KEY);
    private static final Instant NOW = Instant.parse("2026-12-06T09:00:00Z");

    private final FakeGraph graph = new FakeGraph("contoso.onmicrosoft.com", "app-1", "graph-secret",
            "sales@contoso.test", 2);
    private final GraphMailReader reader = new GraphMailReader(
            new ProviderApi(Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.fixed(NOW, java.time.ZoneOffset.UTC)),
            SECRETS, new ProviderApi.Endpoints(graph.baseUrl(), graph.tokenUrl()), Duration.ofDays(14));
    private final PolledMailbox mailbox = new PolledMailbox("mb-graph", "org-1", "sales@contoso.test", "GRAPH", null,
            new PolledMailbox.ApiAccess("GRAPH", graph.tenant, graph.clientId, SECRETS.encrypt(graph.clientSecret),
                    null));

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void givenNoCursorTheFirstRoundReadsTheLookbackWindowAcrossNextLinksAndKeepsTheDeltaLink() throws Exception {
        graph.deliver(Mails.reply("<ancient@lead.test>", null, "Too old"), NOW.minus(Duration.ofDays(30)));
        graph.deliver(Mails.reply("<a@lead.test>", null, "One"), NOW.minus(Duration.ofDays(3)));
        graph.deliver(Mails.reply("<b@lead.test>", null, "Two"), NOW.minus(Duration.ofDays(2)));
        graph.deliver(Mails.reply("<c@lead.test>", "<send-1@acme.test>", "Re: three"), NOW.minus(Duration.ofDays(1)));

        MailReader.Inbox inbox = reader.read(mailbox, null, 500);

        assertThat(ids(inbox.messages())).containsExactly("<a@lead.test>", "<b@lead.test>", "<c@lead.test>");
        assertThat(inbox.cursor()).startsWith(graph.baseUrl()).contains("$deltatoken=");
        List<String> rounds = graph.apiRequests().stream().filter(r -> r.contains("/messages/delta")).toList();
        assertThat(rounds).as("three messages on pages of two").hasSize(2);
        assertThat(rounds.getFirst()).contains("changeType=created").contains("receivedDateTime%20ge%202026-11-22");
        assertThat(rounds.get(1)).contains("$skiptoken=");
        assertThat(graph.apiRequests()).filteredOn(r -> r.endsWith("/$value")).hasSize(3);
    }

    @Test
    void givenADeltaLinkReadsOnlyTheMessagesCreatedSinceAcrossPages() throws Exception {
        graph.deliver(Mails.reply("<before@lead.test>", null, "Hello"), NOW.minus(Duration.ofHours(1)));
        String cursor = reader.read(mailbox, null, 500).cursor();
        graph.deliver(Mails.reply("<a@lead.test>", null, "One"), NOW);
        graph.deliver(Mails.reply("<b@lead.test>", null, "Two"), NOW);
        graph.deliver(Mails.reply("<c@lead.test>", null, "Three"), NOW);

        MailReader.Inbox inbox = reader.read(mailbox, cursor, 500);

        assertThat(ids(inbox.messages())).containsExactly("<a@lead.test>", "<b@lead.test>", "<c@lead.test>");
        assertThat(inbox.cursor()).isNotEqualTo(cursor).contains("$deltatoken=");
        assertThat(reader.read(mailbox, inbox.cursor(), 500).messages()).as("nothing new").isEmpty();
    }

    @Test
    void givenMoreMessagesThanMaxMessagesOnThreeDeltaPagesWhenPolledRepeatedlyThenEachIsReadExactlyOnceResumingAtTheNextLink()
            throws Exception {
        graph.deliver(Mails.reply("<before@lead.test>", null, "Hello"), NOW.minus(Duration.ofHours(1)));
        String cursor = reader.read(mailbox, null, 500).cursor();
        List<String> delivered = new ArrayList<>();
        for (int i = 1; i <= 6; i++) { // three delta pages of two
            delivered.add("<r" + i + "@lead.test>");
            graph.deliver(Mails.reply("<r" + i + "@lead.test>", "<send-" + i + "@acme.test>", "Re: " + i), NOW);
        }

        List<String> read = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (int poll = 0; poll < 10; poll++) {
            MailReader.Inbox inbox = reader.read(mailbox, cursor, 3);
            if (inbox.messages().isEmpty()) {
                break;
            }
            read.addAll(ids(inbox.messages()));
            cursors.add(inbox.cursor());
            cursor = inbox.cursor();
            if (poll == 0) {
                delivered.add("<late@lead.test>");
                graph.deliver(Mails.reply("<late@lead.test>", "<send-9@acme.test>", "Re: late"), NOW);
            }
        }

        assertThat(read).as("nothing skipped, nothing twice").containsExactlyElementsOf(delivered);
        assertThat(cursors.getFirst()).as("after two whole pages: the third page's nextLink")
                .startsWith(graph.baseUrl()).contains("$skiptoken=");
        assertThat(cursors).hasSize(3);
        assertThat(cursors.get(1)).as("the round ended").contains("$deltatoken=");
        assertThat(reader.read(mailbox, cursor, 3).messages()).isEmpty();
    }

    @Test
    void givenAnExpiredDeltaTokenStartsANewRoundOverTheLookbackWindow() throws Exception {
        graph.deliver(Mails.reply("<a@lead.test>", null, "One"), NOW.minus(Duration.ofHours(2)));
        String cursor = reader.read(mailbox, null, 500).cursor();
        graph.deliver(Mails.reply("<b@lead.test>", null, "Two"), NOW.minus(Duration.ofHours(1)));
        graph.expireDeltaTokens();

        MailReader.Inbox inbox = reader.read(mailbox, cursor, 500);

        assertThat(ids(inbox.messages())).containsExactly("<a@lead.test>", "<b@lead.test>");
        assertThat(inbox.cursor()).contains("$deltatoken=");
        assertThat(reader.read(mailbox, inbox.cursor(), 500).messages()).as("the new delta link works").isEmpty();
    }

    @Test
    void givenARevokedTokenFetchesANewOneOnceAndReads() throws Exception {
        graph.deliver(Mails.reply("<a@lead.test>", null, "One"), NOW);
        reader.read(mailbox, null, 500);
        graph.revokeTokens();

        assertThat(ids(reader.read(mailbox, null, 500).messages())).containsExactly("<a@lead.test>");
        assertThat(graph.tokensIssued()).isEqualTo(2);
    }

    @Test
    void givenATokenRefusedEvenWhenFreshGivesUpAfterOneRefresh() {
        graph.refuseEveryToken();

        assertThatThrownBy(() -> reader.read(mailbox, null, 500))
                .isInstanceOfSatisfying(MailboxUnreachable.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailboxUnreachable.Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("InvalidAuthenticationToken")
                            .doesNotContain(graph.clientSecret);
                });
        assertThat(graph.apiRequests()).hasSize(2);
    }

    @Test
    void givenA503ReportsThrottledWithTheRetryAfter() {
        graph.throttleNext(503, 12);

        assertThatThrownBy(() -> reader.read(mailbox, null, 500))
                .isInstanceOfSatisfying(MailboxUnreachable.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailboxUnreachable.Kind.THROTTLED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(12));
                });
    }

    @Test
    void refusesToSendTheTokenToALinkOutsideTheConfiguredBaseUrl() {
        assertThatThrownBy(() -> reader.read(mailbox, "https://elsewhere.test/v1.0/users/x/delta?$deltatoken=1", 500))
                .isInstanceOfSatisfying(MailboxUnreachable.class,
                        e -> assertThat(e.kind()).isEqualTo(MailboxUnreachable.Kind.PROTOCOL));
        assertThat(graph.apiRequests()).isEmpty();
    }

    private static List<String> ids(List<InboxMessage> messages) {
        return messages.stream().map(InboxMessage::messageId).toList();
    }
}
