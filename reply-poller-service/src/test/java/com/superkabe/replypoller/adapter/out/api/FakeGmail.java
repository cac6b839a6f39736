package com.superkabe.replypoller.adapter.out.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A Gmail account behind the documented Gmail API: {@code users.getProfile}, {@code users.history.list}
 * (startHistoryId, historyTypes, labelId, pageToken/nextPageToken; 404 for a startHistoryId older than the
 * kept history), {@code users.messages.list} (newest first, paged) and {@code users.messages.get?format=raw}
 * (base64url). Tokens: the refresh-token grant at {@code /token}. Pages hold at most {@code pageSize} items,
 * so paging is exercised with a handful of messages.
 */
final class FakeGmail extends FakeProvider {

    private record Stored(String id, long historyId, byte[] raw) {
    }

    final String clientId;
    final String clientSecret;
    final String refreshToken;
    private final int pageSize;
    private final List<Stored> inbox = new CopyOnWriteArrayList<>();
    private volatile long historyId = 4_000;
    private volatile long oldestKeptHistory = 0;

    FakeGmail(String clientId, String clientSecret, String refreshToken, int pageSize) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.pageSize = pageSize;
    }

    String tokenUrl() {
        return baseUrl() + "/token";
    }

    /** A message arrives in the INBOX; its history record gets the next historyId. */
    synchronized String deliver(byte[] raw) {
        historyId += 7; // history ids increase but are not contiguous
        String id = Long.toHexString(0x18c0000000L + historyId);
        inbox.add(new Stored(id, historyId, raw));
        return id;
    }

    /** The account's current historyId, as users.getProfile reports it. */
    long historyId() {
        return historyId;
    }

    /**
     * History up to now is dropped while the account moves on (other changes advance the historyId), so
     * every startHistoryId handed out before gets 404; the profile's new historyId is valid.
     */
    synchronized void expireHistory() {
        historyId += 100;
        oldestKeptHistory = historyId;
    }

    @Override
    protected boolean isTokenPath(String path) {
        return path.equals("/token");
    }

    @Override
    protected boolean validGrant(String path, Map<String, String> f) {
        return "refresh_token".equals(f.get("grant_type")) && clientId.equals(f.get("client_id"))
                && clientSecret.equals(f.get("client_secret")) && refreshToken.equals(f.get("refresh_token"));
    }

    @Override
    protected String unauthorized() {
        return "{\"error\":{\"code\":401,\"message\":\"Request had invalid authentication credentials.\","
                + "\"status\":\"UNAUTHENTICATED\"}}";
    }

    @Override
    protected void api(HttpExchange x, String path, Map<String, String> q) throws IOException {
        String prefix = "/gmail/v1/users/me";
        if (!"GET".equals(x.getRequestMethod()) || !path.startsWith(prefix)) {
            notFound(x);
            return;
        }
        String rest = path.substring(prefix.length());
        if (rest.equals("/profile")) {
            json(x, 200, "{\"emailAddress\":\"sales@acme.test\",\"messagesTotal\":" + inbox.size()
                    + ",\"threadsTotal\":" + inbox.size() + ",\"historyId\":\"" + historyId + "\"}");
        } else if (rest.equals("/history")) {
            history(x, q);
        } else if (rest.equals("/messages")) {
            list(x, q);
        } else if (rest.startsWith("/messages/")) {
            get(x, rest.substring("/messages/".length()), q);
        } else {
            notFound(x);
        }
    }

    private void history(HttpExchange x, Map<String, String> q) throws IOException {
        long start;
        try {
            start = Long.parseLong(q.getOrDefault("startHistoryId", ""));
        } catch (NumberFormatException e) {
            json(x, 400, "{\"error\":{\"code\":400,\"message\":\"Invalid startHistoryId\",\"status\":\"INVALID_ARGUMENT\"}}");
            return;
        }
        if (start < oldestKeptHistory) {
            notFound(x);
            return;
        }
        List<Stored> added = inbox.stream().filter(m -> m.historyId() > start).toList();
        int from = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken")) : 0;
        List<Stored> page = page(added, from, Math.min(pageSize, Integer.parseInt(q.getOrDefault("maxResults", "100"))));
        String records = page.stream().map(m -> "{\"id\":\"" + m.historyId() + "\",\"messages\":[{\"id\":\"" + m.id()
                        + "\",\"threadId\":\"" + m.id() + "\"}],\"messagesAdded\":[{\"message\":{\"id\":\"" + m.id()
                        + "\",\"threadId\":\"" + m.id() + "\",\"labelIds\":[\"UNREAD\",\"INBOX\"]}}]}")
                .collect(Collectors.joining(","));
        String next = from + page.size() < added.size() ? ",\"nextPageToken\":\"" + (from + page.size()) + "\"" : "";
        json(x, 200, "{" + (page.isEmpty() ? "" : "\"history\":[" + records + "],") + "\"historyId\":\""
                + historyId + "\"" + next + "}");
    }

    private void list(HttpExchange x, Map<String, String> q) throws IOException {
        List<Stored> newestFirst = new ArrayList<>(inbox).reversed();
        int from = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken")) : 0;
        List<Stored> page = page(newestFirst, from, Math.min(pageSize, Integer.parseInt(q.getOrDefault("maxResults", "100"))));
        String ids = page.stream().map(m -> "{\"id\":\"" + m.id() + "\",\"threadId\":\"" + m.id() + "\"}")
                .collect(Collectors.joining(","));
        String next = from + page.size() < newestFirst.size() ? ",\"nextPageToken\":\"" + (from + page.size()) + "\"" : "";
        json(x, 200, "{\"messages\":[" + ids + "]" + next + ",\"resultSizeEstimate\":" + newestFirst.size() + "}");
    }

    private void get(HttpExchange x, String id, Map<String, String> q) throws IOException {
        Stored m = inbox.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        if (m == null || !"raw".equals(q.get("format"))) {
            notFound(x);
            return;
        }
        json(x, 200, "{\"id\":\"" + m.id() + "\",\"threadId\":\"" + m.id() + "\",\"labelIds\":[\"INBOX\"],"
                + "\"historyId\":\"" + m.historyId() + "\",\"sizeEstimate\":" + m.raw().length + ",\"raw\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(m.raw()) + "\"}");
    }

    private static void notFound(HttpExchange x) throws IOException {
        json(x, 404, "{\"error\":{\"code\":404,\"message\":\"Requested entity was not found.\","
                + "\"errors\":[{\"message\":\"Requested entity was not found.\",\"domain\":\"global\","
                + "\"reason\":\"notFound\"}],\"status\":\"NOT_FOUND\"}}");
    }
}
