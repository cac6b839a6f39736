package com.superkabe.replypoller.adapter.out.api;

import com.superkabe.mailguard.ControlCharacters;
import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.replypoller.adapter.out.imap.MimeContent;
import com.superkabe.replypoller.application.MailReader;
import com.superkabe.replypoller.application.PolledMailbox;
import com.superkabe.replypoller.domain.InboxMessage;
import jakarta.mail.MessagingException;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Microsoft 365 inbox through Microsoft Graph's delta query on
 * {@code /users/{address}/mailFolders/inbox/messages/delta} (created messages only). A round follows
 * {@code @odata.nextLink} pages until {@code @odata.deltaLink}, which is the cursor. One poll reads whole
 * pages until {@code maxMessages} messages are collected; when the round goes on, the cursor is the
 * {@code @odata.nextLink} of the first page not read, so the next poll resumes there and nothing is skipped. Without a cursor, or
 * when Graph answers 410 Gone (or {@code syncStateNotFound}), a new round starts from messages received
 * within {@code resyncLookback}. Each new message's MIME comes from {@code /messages/{id}/$value} and is
 * parsed like an IMAP message. Links are followed only under the configured base URL, so the bearer
 * token goes nowhere else. Tokens: the client-credentials grant of the mailbox's tenant.
 */
public class GraphMailReader implements MailReader {

    private static final Logger log = LoggerFactory.getLogger(GraphMailReader.class);
    private static final String API = "Microsoft Graph";
    private static final String SCOPE = "https://graph.microsoft.com/.default";
    private static final int PAGE_SIZE = 50;
    private static final int MAX_PAGES = 2_000;

    private final ProviderApi api;
    private final SecretBox secrets;
    private final ProviderApi.Endpoints endpoints;
    private final Duration resyncLookback;

    public GraphMailReader(ProviderApi api, SecretBox secrets, ProviderApi.Endpoints endpoints,
                           Duration resyncLookback) {
        this.api = api;
        this.secrets = secrets;
        this.endpoints = endpoints;
        this.resyncLookback = resyncLookback;
    }

    @Override
    public Inbox read(PolledMailbox mailbox, String cursor, int maxMessages) throws MailboxUnreachable {
        ApiSession session = new ApiSession(API, api.http, api.timeout, fresh -> token(mailbox, fresh));
        Round round = cursor == null ? null : round(session, link(cursor), true, maxMessages);
        if (cursor != null && round == null) {
            log.info("Mailbox {}: Graph delta token has expired; full sync of the inbox's last {} hours",
                    com.superkabe.mailguard.ControlCharacters.escaped(mailbox.mailboxId()), resyncLookback.toHours());
        }
        if (round == null) {
            round = round(session, initial(mailbox), false, maxMessages);
        }
        if (round.more()) {
            log.info("Mailbox {}: {} messages read from the inbox delta; the rest on the next polls",
                    com.superkabe.mailguard.ControlCharacters.escaped(mailbox.mailboxId()), round.created().size());
        }
        return new Inbox(fetch(session, mailbox, round.created()), round.next());
    }

    /**
     * The created messages of the pages read, and where the next read starts: the round's
     * {@code @odata.deltaLink} when it ended, else ({@code more}) the {@code @odata.nextLink} of the first
     * page not read.
     */
    private record Round(List<String> created, String next, boolean more) {
    }

    /**
     * Reads whole delta pages from {@code start} until the round ends or {@code max} messages are
     * collected; null when the state behind a saved link is gone and a resync is needed.
     */
    private Round round(ApiSession session, URI start, boolean fromCursor, int max) throws MailboxUnreachable {
        List<String> created = new ArrayList<>();
        URI next = start;
        int pageSize = Math.min(PAGE_SIZE, max);
        for (int page = 0; page < MAX_PAGES; page++) {
            ApiSession.Response r = session.get(next, Set.of(400, 404, 410), "Accept", "application/json",
                    "Prefer", "odata.maxpagesize=" + pageSize);
            JsonNode body = r.json();
            if (r.status() != 200) {
                if (fromCursor && page == 0 && expired(r.status(), body)) {
                    return null;
                }
                throw new MailboxUnreachable(MailboxUnreachable.Kind.PROTOCOL, API + " HTTP " + r.status() + " "
                        + body.path("error").path("code").asString("") + " for the inbox delta", null);
            }
            for (JsonNode m : body.path("value")) {
                if (!m.has("@removed") && Json.text(m, "id") != null) {
                    created.add(Json.text(m, "id"));
                }
            }
            String delta = Json.text(body, "@odata.deltaLink");
            if (delta != null) {
                return new Round(created, link(delta).toString(), false);
            }
            String nextLink = Json.text(body, "@odata.nextLink");
            if (nextLink == null) {
                throw new MailboxUnreachable(MailboxUnreachable.Kind.PROTOCOL, API
                        + " delta page has neither @odata.nextLink nor @odata.deltaLink", null);
            }
            next = link(nextLink);
            if (created.size() >= max) {
                return new Round(created, next.toString(), true);
            }
        }
        // a round this long is still resumable: the next poll goes on from the first page not read
        return new Round(created, next.toString(), true);
    }

    private static boolean expired(int status, JsonNode body) {
        String code = body.path("error").path("code").asString("");
        return status == 410 || code.equalsIgnoreCase("syncStateNotFound") || code.equalsIgnoreCase("resyncRequired");
    }

    private URI initial(PolledMailbox mailbox) {
        String since = DateTimeFormatter.ISO_INSTANT.format(api.clock.instant().minus(resyncLookback)
                .truncatedTo(ChronoUnit.SECONDS));
        return URI.create(user(mailbox) + "/mailFolders/inbox/messages/delta?changeType=created"
                + "&$select=internetMessageId,receivedDateTime&$filter="
                + OAuthTokens.enc("receivedDateTime ge " + since));
    }

    /** A link from Graph, accepted only under the configured base URL. */
    private URI link(String url) throws MailboxUnreachable {
        if (!url.startsWith(endpoints.baseUrl() + "/")) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.PROTOCOL, API + " link outside "
                    + endpoints.baseUrl() + " refused", null);
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.PROTOCOL, API + " link is not a URI", e);
        }
    }

    private List<InboxMessage> fetch(ApiSession session, PolledMailbox mailbox, List<String> created)
            throws MailboxUnreachable {
        List<InboxMessage> read = new ArrayList<>(created.size());
        for (String id : created) {
            ApiSession.Response r = session.get(URI.create(user(mailbox) + "/messages/" + OAuthTokens.enc(id)
                    + "/$value"), Set.of(404));
            if (r.status() == 404) {
                log.debug("Mailbox {}: Graph message {} is gone, skipped", mailbox.mailboxId(), id);
                continue;
            }
            try {
                read.add(MimeContent.asPolled(r.body()));
            } catch (MessagingException e) {
                log.debug("Mailbox {}: Graph message {} unreadable, skipped: {}", mailbox.mailboxId(), id,
                        e.getMessage());
            }
        }
        return read;
    }

    private String user(PolledMailbox mailbox) {
        return endpoints.baseUrl() + "/v1.0/users/" + OAuthTokens.enc(mailbox.address());
    }

    private String token(PolledMailbox mailbox, boolean fresh) throws MailboxUnreachable {
        PolledMailbox.ApiAccess a = mailbox.api();
        String key = "graph/" + a.tenant() + "/" + a.clientId();
        if (!fresh) {
            var cached = api.tokens.cached(key);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        api.tokens.forget(key);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", a.clientId());
        form.put("client_secret", Secrets.open(secrets, a.clientSecretSealed(), "Graph client secret"));
        form.put("scope", SCOPE);
        return api.tokens.fetch(key, URI.create(endpoints.tokenUrl().replace("{tenant}",
                OAuthTokens.enc(a.tenant()))), form);
    }
}
