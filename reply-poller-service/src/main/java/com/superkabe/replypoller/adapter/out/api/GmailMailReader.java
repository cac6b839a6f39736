package com.superkabe.replypoller.adapter.out.api;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.replypoller.adapter.out.imap.MimeContent;
import com.superkabe.replypoller.application.MailReader;
import com.superkabe.replypoller.application.PolledMailbox;
import com.superkabe.replypoller.domain.InboxMessage;
import jakarta.mail.MessagingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads a Gmail inbox through the Gmail API. The cursor is a historyId: {@code users.history.list}
 * (messageAdded, label INBOX, paged by pageToken) lists what arrived since, and the last page's
 * {@code historyId} is the next cursor. Without a cursor, or when Gmail answers 404 because the
 * historyId is too old, a full sync reads {@code users.getProfile}'s historyId first and then the newest
 * {@code maxMessages} INBOX ids from {@code users.messages.list}. Each message is fetched with
 * {@code users.messages.get?format=raw} and parsed like an IMAP message. Tokens: the refresh-token grant.
 */
public class GmailMailReader implements MailReader {

    private static final Logger log = LoggerFactory.getLogger(GmailMailReader.class);
    private static final String API = "Gmail API";

    private final ProviderApi api;
    private final SecretBox secrets;
    private final ProviderApi.Endpoints endpoints;

    public GmailMailReader(ProviderApi api, SecretBox secrets, ProviderApi.Endpoints endpoints) {
        this.api = api;
        this.secrets = secrets;
        this.endpoints = endpoints;
    }

    @Override
    public Inbox read(PolledMailbox mailbox, String cursor, int maxMessages) throws MailboxUnreachable {
        ApiSession session = new ApiSession(API, api.http, api.timeout, fresh -> token(mailbox, fresh));
        if (cursor != null) {
            Changes changes = history(session, cursor);
            if (changes != null) {
                return new Inbox(fetch(session, mailbox, newest(changes.ids(), maxMessages, mailbox)),
                        changes.historyId());
            }
            log.info("Mailbox {}: Gmail history {} has expired; full sync of the newest {} INBOX messages",
                    mailbox.mailboxId(), cursor, maxMessages);
        }
        String historyId = Json.text(session.get(uri("/profile"), Set.of()).json(), "historyId");
        if (historyId == null) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.PROTOCOL, "Gmail profile without historyId", null);
        }
        return new Inbox(fetch(session, mailbox, list(session, maxMessages)), historyId);
    }

    private record Changes(List<String> ids, String historyId) {
    }

    /** The INBOX messages added after {@code start}, oldest first; null when the historyId has expired. */
    private Changes history(ApiSession session, String start) throws MailboxUnreachable {
        Set<String> ids = new LinkedHashSet<>();
        String historyId = start;
        String page = null;
        do {
            ApiSession.Response r = session.get(uri("/history?startHistoryId=" + OAuthTokens.enc(start)
                    + "&historyTypes=messageAdded&labelId=INBOX&maxResults=500"
                    + (page == null ? "" : "&pageToken=" + OAuthTokens.enc(page))), Set.of(404));
            if (r.status() == 404) {
                return null;
            }
            JsonNode body = r.json();
            for (JsonNode h : body.path("history")) {
                for (JsonNode added : h.path("messagesAdded")) {
                    JsonNode m = added.path("message");
                    if (inInbox(m) && Json.text(m, "id") != null) {
                        ids.add(Json.text(m, "id"));
                    }
                }
            }
            historyId = Json.text(body, "historyId") == null ? historyId : Json.text(body, "historyId");
            page = Json.text(body, "nextPageToken");
        } while (page != null);
        return new Changes(List.copyOf(ids), historyId);
    }

    private static boolean inInbox(JsonNode message) {
        JsonNode labels = message.path("labelIds");
        if (!labels.isArray()) {
            return true;
        }
        for (JsonNode l : labels) {
            if ("INBOX".equals(l.asString())) {
                return true;
            }
        }
        return false;
    }

    /** The newest {@code max} INBOX message ids (Gmail lists newest first). */
    private List<String> list(ApiSession session, int max) throws MailboxUnreachable {
        List<String> ids = new ArrayList<>();
        String page = null;
        do {
            int want = Math.min(500, max - ids.size());
            JsonNode body = session.get(uri("/messages?labelIds=INBOX&maxResults=" + want
                    + (page == null ? "" : "&pageToken=" + OAuthTokens.enc(page))), Set.of()).json();
            for (JsonNode m : body.path("messages")) {
                if (Json.text(m, "id") != null && ids.size() < max) {
                    ids.add(Json.text(m, "id"));
                }
            }
            page = Json.text(body, "nextPageToken");
        } while (page != null && ids.size() < max);
        return ids;
    }

    private List<InboxMessage> fetch(ApiSession session, PolledMailbox mailbox, List<String> ids)
            throws MailboxUnreachable {
        List<InboxMessage> read = new ArrayList<>(ids.size());
        for (String id : ids) {
            ApiSession.Response r = session.get(uri("/messages/" + OAuthTokens.enc(id) + "?format=raw"),
                    Set.of(404));
            String raw = r.status() == 404 ? null : Json.text(r.json(), "raw");
            if (raw == null) {
                log.debug("Mailbox {}: Gmail message {} is gone or has no raw form, skipped", mailbox.mailboxId(), id);
                continue;
            }
            try {
                read.add(MimeContent.asPolled(Base64.getUrlDecoder().decode(raw.strip())));
            } catch (MessagingException | IllegalArgumentException e) {
                log.debug("Mailbox {}: Gmail message {} unreadable, skipped: {}", mailbox.mailboxId(), id,
                        e.getMessage());
            }
        }
        return read;
    }

    private static List<String> newest(List<String> ids, int max, PolledMailbox mailbox) {
        if (ids.size() <= max) {
            return ids;
        }
        log.warn("Mailbox {}: {} messages arrived since the last poll; only the newest {} are read",
                mailbox.mailboxId(), ids.size(), max);
        return ids.subList(ids.size() - max, ids.size());
    }

    private URI uri(String path) {
        return URI.create(endpoints.baseUrl() + "/gmail/v1/users/me" + path);
    }

    private String token(PolledMailbox mailbox, boolean fresh) throws MailboxUnreachable {
        String key = "gmail/" + mailbox.mailboxId();
        if (!fresh) {
            var cached = api.tokens.cached(key);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        api.tokens.forget(key);
        PolledMailbox.ApiAccess a = mailbox.api();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", a.clientId());
        form.put("client_secret", Secrets.open(secrets, a.clientSecretSealed(), "Gmail client secret"));
        form.put("refresh_token", Secrets.open(secrets, a.refreshTokenSealed(), "Gmail refresh token"));
        return api.tokens.fetch(key, URI.create(endpoints.tokenUrl()), form);
    }
}
