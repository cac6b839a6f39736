package com.superkabe.sendadapter.adapter.out.gmail;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.adapter.out.api.ApiMailTransport;
import com.superkabe.sendadapter.adapter.out.api.OAuthTokens;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.config.GmailProperties;
import com.superkabe.sendadapter.domain.Delivery;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Delivery through the Gmail API {@code POST /gmail/v1/users/me/messages/send} with body
 * {@code {"raw": base64url(RFC 5322)}} — the same message SMTP would carry, headers included. Tokens:
 * the refresh-token grant with the OAuth client and the refresh token the mailbox's user granted.
 */
public class GmailMailTransport extends ApiMailTransport {

    private final SecretBox secrets;
    private final GmailProperties props;

    public GmailMailTransport(SecretBox secrets, GmailProperties props, Clock clock) {
        super(props.connectTimeout(), props.requestTimeout(), props.maxRetryWait(), props.maxAttempts(),
                props.sendsPerMinute(), clock);
        this.secrets = secrets;
        this.props = props;
    }

    @Override
    protected String api() {
        return "the Gmail API";
    }

    @Override
    protected String missingCredentials(Mailbox m) {
        Mailbox.OAuth o = m.oauth();
        return o == null || o.clientId() == null || o.clientSecret() == null || o.refreshToken() == null
                ? "the mailbox has no Gmail credentials (clientId, clientSecret, refreshToken)" : null;
    }

    @Override
    protected String tokenKey(Mailbox m) {
        // one token per granted user, and a mailbox is one user's grant
        return "gmail/" + m.mailboxId();
    }

    @Override
    protected OAuthTokens.Token fetchToken(Mailbox m) {
        Map<String, String> form = new LinkedHashMap<>();
        try {
            form.put("grant_type", "refresh_token");
            form.put("client_id", m.oauth().clientId());
            form.put("client_secret", secrets.decrypt(m.oauth().clientSecret()));
            form.put("refresh_token", secrets.decrypt(m.oauth().refreshToken()));
        } catch (IllegalArgumentException e) {
            return OAuthTokens.Token.failed(Delivery.unusableMailbox("the mailbox's Gmail credentials cannot be decrypted "
                    + "with this platform key"));
        }
        return tokens.fetch(tokenKey(m), URI.create(props.tokenUrl()), form);
    }

    @Override
    protected HttpRequest.Builder request(Mailbox m, byte[] mime) {
        String body = "{\"raw\":\"" + Base64.getUrlEncoder().encodeToString(mime) + "\"}";
        return HttpRequest.newBuilder(URI.create(props.baseUrl() + "/gmail/v1/users/me/messages/send"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.US_ASCII));
    }

    /** {@code messages.list} with {@code q=rfc822msgid:<id>} (the Sent label: {@code in:sent}). */
    @Override
    protected HttpRequest.Builder sentSearch(Mailbox m, String messageId) {
        String q = OAuthTokens.enc("in:sent rfc822msgid:" + messageId);
        return HttpRequest.newBuilder(URI.create(props.baseUrl() + "/gmail/v1/users/me/messages?q=" + q));
    }

    @Override
    protected JsonNode sentResults(JsonNode answer) {
        return answer.path("messages");
    }

    @Override
    protected Delivery outcome(int status, JsonNode error) {
        JsonNode first = error == null ? null : error.path("errors").path(0);
        return GmailOutcomes.of(status, text(first, "reason"), text(error, "message"));
    }
}
