package com.superkabe.replypoller.adapter.out.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A Microsoft 365 inbox behind Microsoft Graph's documented delta query:
 * {@code /v1.0/users/{address}/mailFolders/inbox/messages/delta} ({@code $filter=receivedDateTime ge …} on
 * the initial request; {@code Prefer: odata.maxpagesize}; {@code @odata.nextLink} pages ending in an
 * {@code @odata.deltaLink}; 410 Gone with {@code SyncStateNotFound} once delta tokens expire) and
 * {@code /messages/{id}/$value} for the MIME. Tokens: the client-credentials grant at
 * {@code /{tenant}/oauth2/v2.0/token} with scope {@code https://graph.microsoft.com/.default}.
 */
final class FakeGraph extends FakeProvider {

    private record Stored(String id, long seq, Instant receivedAt, byte[] raw) {
    }

    final String tenant;
    final String clientId;
    final String clientSecret;
    private final String address;
    private final int pageSize;
    private final List<Stored> inbox = new CopyOnWriteArrayList<>();
    private volatile long seq;
    private volatile boolean tokensExpired;

    FakeGraph(String tenant, String clientId, String clientSecret, String address, int pageSize) {
        this.tenant = tenant;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.address = address;
        this.pageSize = pageSize;
    }

    String tokenUrl() {
        return baseUrl() + "/{tenant}/oauth2/v2.0/token";
    }

    synchronized String deliver(byte[] raw, Instant receivedAt) {
        seq++;
        String id = "AAMkAGI2TG93AAA" + seq + "=";
        inbox.add(new Stored(id, seq, receivedAt, raw));
        return id;
    }

    /** Every delta token issued so far is forgotten: its next use answers 410 Gone. */
    void expireDeltaTokens() {
        tokensExpired = true;
    }

    @Override
    protected boolean isTokenPath(String path) {
        return path.endsWith("/oauth2/v2.0/token");
    }

    @Override
    protected boolean validGrant(String path, Map<String, String> f) {
        return path.equals("/" + tenant + "/oauth2/v2.0/token") && "client_credentials".equals(f.get("grant_type"))
                && clientId.equals(f.get("client_id")) && clientSecret.equals(f.get("client_secret"))
                && "https://graph.microsoft.com/.default".equals(f.get("scope"));
    }

    @Override
    protected String unauthorized() {
        return "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired or is "
                + "not yet valid.\"}}";
    }

    @Override
    protected void api(HttpExchange x, String path, Map<String, String> q) throws IOException {
        String user = "/v1.0/users/" + URLEncoder.encode(address, StandardCharsets.UTF_8);
        if (!"GET".equals(x.getRequestMethod()) || !path.startsWith(user)) {
            error(x, 404, "ErrorItemNotFound");
        } else if (path.equals(user + "/mailFolders/inbox/messages/delta")) {
            delta(x, user, q);
        } else if (path.startsWith(user + "/messages/") && path.endsWith("/$value")) {
            String id = java.net.URLDecoder.decode(path.substring((user + "/messages/").length(),
                    path.length() - "/$value".length()), StandardCharsets.UTF_8);
            Stored m = inbox.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
            if (m == null) {
                error(x, 404, "ErrorItemNotFound");
            } else {
                send(x, 200, "text/plain", m.raw());
            }
        } else {
            error(x, 404, "ErrorItemNotFound");
        }
    }

    /**
     * State lives in the links: {@code $skiptoken=<kind>.<bound>.<watermark>.<offset>} for the next page,
     * {@code $deltatoken=<watermark>} for the next round; kind {@code i} bounds by received time (initial
     * round), {@code d} by sequence (a round after a delta token).
     */
    private void delta(HttpExchange x, String user, Map<String, String> q) throws IOException {
        String kind;
        long bound;
        long watermark;
        int offset;
        if (q.containsKey("$skiptoken")) {
            String[] s = q.get("$skiptoken").split("\\.");
            kind = s[0];
            bound = Long.parseLong(s[1]);
            watermark = Long.parseLong(s[2]);
            offset = Integer.parseInt(s[3]);
        } else if (q.containsKey("$deltatoken")) {
            if (tokensExpired) {
                error(x, 410, "SyncStateNotFound");
                return;
            }
            kind = "d";
            bound = Long.parseLong(q.get("$deltatoken"));
            watermark = seq;
            offset = 0;
        } else {
            String filter = q.getOrDefault("$filter", "");
            if (!"created".equals(q.get("changeType")) || !filter.startsWith("receivedDateTime ge ")) {
                error(x, 400, "ErrorInvalidUrlQuery");
                return;
            }
            tokensExpired = false;
            kind = "i";
            bound = Instant.parse(filter.substring("receivedDateTime ge ".length())).toEpochMilli();
            watermark = seq;
            offset = 0;
        }
        Predicate<Stored> in = kind.equals("i") ? m -> !m.receivedAt().isBefore(Instant.ofEpochMilli(bound))
                : m -> m.seq() > bound;
        List<Stored> round = inbox.stream().filter(m -> m.seq() <= watermark).filter(in).toList();
        List<Stored> page = page(round, offset, Math.min(pageSize, preferred(x)));
        String values = page.stream().map(m -> "{\"@odata.type\":\"#microsoft.graph.message\",\"id\":"
                        + quote(m.id()) + ",\"receivedDateTime\":" + quote(m.receivedAt().toString())
                        + ",\"internetMessageId\":\"<" + m.seq() + "@fake.graph>\"}")
                .collect(Collectors.joining(","));
        String link = baseUrl() + user + "/mailFolders/inbox/messages/delta?";
        String next = offset + page.size() < round.size()
                ? "\"@odata.nextLink\":" + quote(link + "$skiptoken=" + kind + "." + bound + "." + watermark + "."
                        + (offset + page.size()))
                : "\"@odata.deltaLink\":" + quote(link + "$deltatoken=" + watermark);
        json(x, 200, "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#Collection(message)\","
                + next + ",\"value\":[" + values + "]}");
    }

    private static int preferred(HttpExchange x) {
        String prefer = x.getRequestHeaders().getFirst("Prefer");
        if (prefer != null && prefer.startsWith("odata.maxpagesize=")) {
            return Integer.parseInt(prefer.substring("odata.maxpagesize=".length()).strip());
        }
        return 10;
    }

    private static void error(HttpExchange x, int status, String code) throws IOException {
        json(x, status, "{\"error\":{\"code\":" + quote(code) + ",\"message\":\"" + code + "\"}}");
    }
}
