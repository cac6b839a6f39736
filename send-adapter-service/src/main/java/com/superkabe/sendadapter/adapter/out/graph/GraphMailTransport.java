package com.superkabe.sendadapter.adapter.out.graph;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.sendadapter.adapter.out.api.ApiMailTransport;
import com.superkabe.sendadapter.adapter.out.api.OAuthTokens;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.config.GraphProperties;
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
 * Delivery through Microsoft Graph {@code POST /v1.0/users/{address}/sendMail} on the MIME path: the body
 * is the base64 of the very RFC 5322 message SMTP would carry ({@code Content-Type: text/plain}), because
 * the JSON path's {@code internetMessageHeaders} accepts only {@code X-} headers and so cannot carry
 * {@code List-Unsubscribe}. Tokens: the app's client-credentials grant against the mailbox's tenant.
 */
public class GraphMailTransport extends ApiMailTransport {

    static final String SCOPE = "https://graph.microsoft.com/.default";

    private final SecretBox secrets;
    private final GraphProperties props;

    public GraphMailTransport(SecretBox secrets, GraphProperties props, Clock clock) {
        super(props.connectTimeout(), props.requestTimeout(), props.maxRetryWait(), props.maxAttempts(),
                props.sendsPerMinute(), clock);
        this.secrets = secrets;
        this.props = props;
    }

    @Override
    protected String api() {
        return "Microsoft Graph";
    }

    @Override
    protected String missingCredentials(Mailbox m) {
        Mailbox.OAuth o = m.oauth();
        return o == null || o.tenant() == null || o.clientId() == null || o.clientSecret() == null
                ? "the mailbox has no Microsoft Graph credentials (tenant, clientId, clientSecret)" : null;
    }

    @Override
    protected String tokenKey(Mailbox m) {
        return "graph/" + m.oauth().tenant() + "/" + m.oauth().clientId();
    }

    @Override
    protected OAuthTokens.Token fetchToken(Mailbox m) {
        String secret;
        try {
            secret = secrets.decrypt(m.oauth().clientSecret());
        } catch (IllegalArgumentException e) {
            return OAuthTokens.Token.failed(Delivery.unusableMailbox("the mailbox's client secret cannot be decrypted "
                    + "with this platform key"));
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", m.oauth().clientId());
        form.put("client_secret", secret);
        form.put("scope", SCOPE);
        return tokens.fetch(tokenKey(m), URI.create(props.tokenUrl().replace("{tenant}",
                OAuthTokens.enc(m.oauth().tenant()))), form);
    }

    @Override
    protected HttpRequest.Builder request(Mailbox m, byte[] mime) {
        return HttpRequest.newBuilder(URI.create(props.baseUrl() + "/v1.0/users/" + OAuthTokens.enc(m.address())
                        + "/sendMail")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Base64.getEncoder().encodeToString(mime),
                        StandardCharsets.US_ASCII));
    }

    /** The Sent Items folder filtered on {@code internetMessageId} (quotes doubled as OData wants). */
    @Override
    protected HttpRequest.Builder sentSearch(Mailbox m, String messageId) {
        String filter = OAuthTokens.enc("internetMessageId eq '" + messageId.replace("'", "''") + "'");
        return HttpRequest.newBuilder(URI.create(props.baseUrl() + "/v1.0/users/" + OAuthTokens.enc(m.address())
                + "/mailFolders/sentitems/messages?$filter=" + filter + "&$select=id"));
    }

    @Override
    protected JsonNode sentResults(JsonNode answer) {
        return answer.path("value");
    }

    @Override
    protected Delivery outcome(int status, JsonNode error) {
        return GraphOutcomes.of(status, text(error, "code"), text(error, "message"));
    }
}
