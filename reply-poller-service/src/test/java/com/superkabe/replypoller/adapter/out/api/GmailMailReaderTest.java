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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Gmail reader against a local server that follows the Gmail API's documented contract. */
class GmailMailReaderTest {

    private static final SecretBox SECRETS = new SecretBox(TestInfra.TEST_SECRET_KEY);

    private final FakeGmail gmail = new FakeGmail("client-1.apps.googleusercontent.com", "gm-secret",
            "1//refresh-token", 2);
    private final GmailMailReader reader = new GmailMailReader(
            new ProviderApi(Duration.ofSeconds(2), Duration.ofSeconds(5), Clock.systemUTC()), SECRETS,
            new ProviderApi.Endpoints(gmail.baseUrl(), gmail.tokenUrl()));
    private final PolledMailbox mailbox = new PolledMailbox("mb-gmail", "org-1", "sales@acme.test", "GMAIL", null,
            new PolledMailbox.ApiAccess("GMAIL", null, gmail.clientId, SECRETS.encrypt(gmail.clientSecret),
                    SECRETS.encrypt(gmail.refreshToken)));

    @AfterEach
    void stop() {
        gmail.close();
    }

    @Test
    void givenNoCursorAFullSyncReadsTheNewestInboxMessagesAcrossPagesAndStartsFromTheProfileHistoryId()
            throws Exception {
        gmail.deliver(Mails.reply("<old@lead.test>", null, "Hello"));
        gmail.deliver(Mails.reply("<mid@lead.test>", null, "Hello again"));
        gmail.deliver(Mails.reply("<new@lead.test>", "<send-1@acme.test>", "Re: hello"));

        MailReader.Inbox inbox = reader.read(mailbox, null, 500);

        assertThat(ids(inbox.messages())).containsExactlyInAnyOrder("<old@lead.test>", "<mid@lead.test>",
                "<new@lead.test>");
        assertThat(inbox.cursor()).isEqualTo(profileHistoryId());
        assertThat(gmail.apiRequests()).filteredOn(r -> r.startsWith("GET /gmail/v1/users/me/messages?"))
                .as("three ids on pages of two").hasSize(2)
                .last().asString().contains("pageToken=2");
        assertThat(gmail.apiRequests()).filteredOn(r -> r.contains("format=raw")).hasSize(3);
    }

    @Test
    void givenAFullSyncCapsTheMessagesAtTheNewestMaxMessages() throws Exception {
        for (int i = 1; i <= 5; i++) {
            gmail.deliver(Mails.reply("<m" + i + "@lead.test>", null, "Hello " + i));
        }

        MailReader.Inbox inbox = reader.read(mailbox, null, 3);

        assertThat(ids(inbox.messages())).containsExactlyInAnyOrder("<m5@lead.test>", "<m4@lead.test>",
                "<m3@lead.test>");
    }

    @Test
    void givenASavedHistoryIdReadsOnlyTheMessagesAddedSinceAcrossHistoryPagesAndMovesTheCursor() throws Exception {
        gmail.deliver(Mails.reply("<before@lead.test>", null, "Hello"));
        String cursor = reader.read(mailbox, null, 500).cursor();
        gmail.deliver(Mails.reply("<a@lead.test>", null, "One"));
        gmail.deliver(Mails.reply("<b@lead.test>", null, "Two"));
        gmail.deliver(Mails.reply("<c@lead.test>", "<send-1@acme.test>", "Re: three"));

        MailReader.Inbox inbox = reader.read(mailbox, cursor, 500);

        assertThat(ids(inbox.messages())).containsExactly("<a@lead.test>", "<b@lead.test>", "<c@lead.test>");
        assertThat(Long.parseLong(inbox.cursor())).isGreaterThan(Long.parseLong(cursor));
        assertThat(gmail.apiRequests()).filteredOn(r -> r.startsWith("GET /gmail/v1/users/me/history?"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r).contains("startHistoryId=" + cursor)
                        .contains("historyTypes=messageAdded").contains("labelId=INBOX"))
                .last().asString().contains("pageToken=2");
        assertThat(reader.read(mailbox, inbox.cursor(), 500).messages()).as("nothing new").isEmpty();
    }

    @Test
    void givenMoreMessagesThanMaxMessagesOnThreeHistoryPagesWhenPolledRepeatedlyThenEachIsReadExactlyOnceOldestFirst()
            throws Exception {
        gmail.deliver(Mails.reply("<before@lead.test>", null, "Hello"));
        String cursor = reader.read(mailbox, null, 500).cursor();
        List<String> delivered = new ArrayList<>();
        for (int i = 1; i <= 6; i++) { // three history pages of two
            delivered.add("<r" + i + "@lead.test>");
            gmail.deliver(Mails.reply("<r" + i + "@lead.test>", "<send-" + i + "@acme.test>", "Re: " + i));
        }

        List<String> read = new ArrayList<>();
        List<Integer> perPoll = new ArrayList<>();
        for (int poll = 0; poll < 10; poll++) {
            MailReader.Inbox inbox = reader.read(mailbox, cursor, 4);
            if (inbox.messages().isEmpty()) {
                break;
            }
            read.addAll(ids(inbox.messages()));
            perPoll.add(inbox.messages().size());
            assertThat(Long.parseLong(inbox.cursor())).as("the cursor only moves forward")
                    .isGreaterThan(Long.parseLong(cursor));
            cursor = inbox.cursor();
            if (poll == 0) {
                delivered.add("<late@lead.test>");
                gmail.deliver(Mails.reply("<late@lead.test>", "<send-9@acme.test>", "Re: late"));
            }
        }

        assertThat(read).as("nothing skipped, nothing twice").containsExactlyElementsOf(delivered);
        assertThat(perPoll).as("at most maxMessages per poll").containsExactly(4, 3);
        assertThat(cursor).as("caught up with the account").isEqualTo(profileHistoryId());
        assertThat(reader.read(mailbox, cursor, 4).messages()).isEmpty();
    }

    @Test
    void givenAnExpiredHistoryIdFallsBackToAFullSyncWithANewCursor() throws Exception {
        gmail.deliver(Mails.reply("<a@lead.test>", null, "One"));
        String cursor = reader.read(mailbox, null, 500).cursor();
        gmail.deliver(Mails.reply("<b@lead.test>", null, "Two"));
        gmail.expireHistory();

        MailReader.Inbox inbox = reader.read(mailbox, cursor, 500);

        assertThat(ids(inbox.messages())).containsExactlyInAnyOrder("<a@lead.test>", "<b@lead.test>");
        assertThat(inbox.cursor()).isEqualTo(profileHistoryId());
        assertThat(gmail.apiRequests()).anyMatch(r -> r.startsWith("GET /gmail/v1/users/me/history?"))
                .anyMatch(r -> r.equals("GET /gmail/v1/users/me/profile"));
    }

    @Test
    void givenARevokedTokenRefreshesItOnceAndReads() throws Exception {
        gmail.deliver(Mails.reply("<a@lead.test>", null, "One"));
        reader.read(mailbox, null, 500);
        gmail.revokeTokens();

        MailReader.Inbox inbox = reader.read(mailbox, null, 500);

        assertThat(ids(inbox.messages())).containsExactly("<a@lead.test>");
        assertThat(gmail.tokensIssued()).isEqualTo(2);
    }

    @Test
    void givenATokenRefusedEvenWhenFreshGivesUpAfterOneRefreshWithoutNamingASecret() {
        gmail.refuseEveryToken();

        assertThatThrownBy(() -> reader.read(mailbox, null, 500))
                .isInstanceOfSatisfying(MailboxUnreachable.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailboxUnreachable.Kind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("HTTP 401").contains("UNAUTHENTICATED")
                            .doesNotContain(gmail.clientSecret).doesNotContain(gmail.refreshToken)
                            .doesNotContain("at-");
                });
        assertThat(gmail.apiRequests()).hasSize(2);
        assertThat(gmail.tokensIssued()).isEqualTo(2);
    }

    @Test
    void givenAWrongRefreshTokenReportsCredentialsWithoutCallingTheApi() {
        PolledMailbox wrong = new PolledMailbox("mb-gmail", "org-1", "sales@acme.test", "GMAIL", null,
                new PolledMailbox.ApiAccess("GMAIL", null, gmail.clientId, SECRETS.encrypt(gmail.clientSecret),
                        SECRETS.encrypt("1//revoked")));

        assertThatThrownBy(() -> reader.read(wrong, null, 500))
                .isInstanceOfSatisfying(MailboxUnreachable.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailboxUnreachable.Kind.CREDENTIALS);
                    assertThat(e.getMessage()).contains("invalid_grant").doesNotContain("1//revoked");
                });
        assertThat(gmail.apiRequests()).isEmpty();
    }

    @Test
    void givenA429ReportsThrottledWithTheRetryAfter() {
        gmail.throttleNext(429, 30);

        assertThatThrownBy(() -> reader.read(mailbox, null, 500))
                .isInstanceOfSatisfying(MailboxUnreachable.class, e -> {
                    assertThat(e.kind()).isEqualTo(MailboxUnreachable.Kind.THROTTLED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void givenADsnHandsTheWholeReportToTheClassifier() throws Exception {
        gmail.deliver(Mails.gmailDsn("send-b@acme.test", "gone@lead.test"));

        InboxMessage dsn = reader.read(mailbox, null, 500).messages().getFirst();

        assertThat(dsn.content().parts()).as("a report's body is read, as over IMAP").isNotEmpty();
        assertThat(dsn.content().parts()).anySatisfy(p -> assertThat(p.text()).contains("5.1.1"));
    }

    @Test
    void givenAnOrdinaryReplyKeepsOnlyItsHeadersAsOverImap() throws Exception {
        gmail.deliver(Mails.reply("<a@lead.test>", "<send-1@acme.test>", "Re: hello"));

        InboxMessage reply = reader.read(mailbox, null, 500).messages().getFirst();

        assertThat(reply.inReplyTo()).isEqualTo("<send-1@acme.test>");
        assertThat(reply.content().parts()).isEmpty();
    }

    private String profileHistoryId() {
        return Long.toString(gmail.historyId());
    }

    private static List<String> ids(List<InboxMessage> messages) {
        return messages.stream().map(InboxMessage::messageId).toList();
    }
}
