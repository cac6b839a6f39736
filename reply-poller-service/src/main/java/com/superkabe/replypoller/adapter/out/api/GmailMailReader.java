package com.superkabe.replypoller.adapter.out.api;

import com.superkabe.mailguard.ControlCharacters;
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
 * (messageAdded, label INBOX, paged by pageToken) lists what arrived since, oldest first. One poll reads
 * whole history records until {@code maxMessages} ids are collected; the next cursor is the last page's
 * {@code historyId} when everything was read, else the id of the last record read, so the messages left
 * over are read by the next polls and never skipped. Without a cursor, or when Gmail answers 404 because the
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
            Changes changes = history(session, cursor, maxMessages);
            if (changes != null) {
                if (changes.more()) {
                    log.info("Mailbox {}: more than {} messages arrived since history {}; reading up to history {}"
                            + " now and the rest on the next polls", com.superkabe.mailguard.ControlCharacters.escaped(mailbox.mailboxId()), maxMessages, com.superkabe.mailguard.ControlCharacters.escaped(cursor),
                            com.superkabe.mailguard.ControlCharacters.escaped(changes.historyId()));
                }
                return new Inbox(fetch(session, mailbox, changes.ids()), changes.historyId());
            }
            log.info("Mailbox {}: Gmail history {} has expired; full sync of the newest {} INBOX messages",
                    com.superkabe.mailguard.ControlCharacters.escaped(mailbox.mailboxId()), com.superkabe.mailguard.ControlCharacters.escaped(cursor), maxMessages);
        }
        String historyId = Json.text(session.get(uri("/profile"), Set.of()).json(), "historyId");
        if (historyId == null) {
            throw new MailboxUnreachable(MailboxUnreachable.Kind.PROTOCOL, "Gmail profile without historyId", null);
        }
        return new Inbox(fetch(session, mailbox, list(session, maxMessages)), historyId);
    }

    /**
     * INBOX message ids, oldest first, and where the next read starts: the account's historyId when every
     * record since the start was read, else the id of the last history record whose messages are all in
     * {@code ids} ({@code more}). Gmail lists history records after {@code startHistoryId} in increasing
     * order, so the next poll goes on with the first record not read.
     */
    private record Changes(List<String> ids, String historyId, boolean more) {
    }

    /**
     * The INBOX messages added after {@code start}, oldest first, in whole history records, stopping once
     * {@code max} ids are collected; null when the historyId has expired.
     */
    private Changes history(ApiSession session, String start, int max) throws MailboxUnreachable {
        Set<String> ids = new LinkedHashSet<>();
        String lastRecord = null;
        String page = null;
        do {
            ApiSession.Response r = session.get(uri("/history?startHistoryId=" + OAuthTokens.enc(start)
                    + "&historyTypes=messageAdded&labelId=INBOX&maxResults=" + Math.min(500, max)
                    + (page == null ? "" : "&pageToken=" + OAuthTokens.enc(page))), Set.of(404));
            if (r.status() == 404) {
                return null;
            }
            JsonNode body = r.json();
            for (JsonNode h : body.path("history")) {
                if (ids.size() >= max) {
                    return new Changes(List.copyOf(ids), lastRecord, true);
                }
                String record = Json.text(h, "id");
                if (record == null) {
                    throw new MailboxUnreachable(MailboxUnreachable.Kind.PROTOCOL,
                            API + " history record without id", null);
                }
                for (JsonNode added : h.path("messagesAdded")) {
                    JsonNode m = added.path("message");
                    if (inInbox(m) && Json.text(m, "id") != null) {
                        ids.add(Json.text(m, "id"));
                    }
                }
                lastRecord = record;
            }
            page = Json.text(body, "nextPageToken");
            if (page != null && ids.size() >= max) {
                return new Changes(List.copyOf(ids), lastRecord, true);
            }
            if (page == null) {
                String now = Json.text(body, "historyId");
                return new Changes(List.copyOf(ids), now != null ? now : lastRecord != null ? lastRecord : start,
                        false);
            }
        } while (true);
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
