package com.superkabe.sendadapter.adapter.in.web;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.MailboxConnections;
import com.superkabe.sendadapter.application.MailboxService;
import com.superkabe.sendadapter.application.Mailboxes;
import com.superkabe.mailguard.MailHostPolicy;
import com.superkabe.sendadapter.domain.SenderAddress;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/mailboxes")
class MailboxController {

    private final MailboxService service;
    private final Mailboxes mailboxes;
    private final SecretBox secrets;
    private final TransactionTemplate tx;
    private final MailboxConnections connections;
    private final MailboxFields fields;

    /** The columns of the address's stored forms: mailbox.address_key and mailbox.domain. */
    static final int MAX_ADDRESS = 320;
    static final int MAX_DOMAIN = 253;

    MailboxController(MailboxService service, Mailboxes mailboxes, SecretBox secrets, TransactionTemplate tx,
                      MailboxConnections connections, MailHostPolicy hosts) {
        this.connections = connections;
        this.fields = new MailboxFields(hosts);
        this.service = service;
        this.mailboxes = mailboxes;
        this.secrets = secrets;
        this.tx = tx;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> register(OrgId org, @Valid @RequestBody MailboxRequest body) {
        requireProviderSettings(body);
        fields.check(body);
        String address = body.address().trim();
        String key;
        try {
            key = SenderAddress.key(address);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("address", "has a domain that is not a valid (internationalised) domain name");
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        // lower-casing and IDNA can lengthen an address that fits its own limit (İ becomes i̇, ü.example
        // becomes xn--tda.example): the stored forms must fit their columns, or the insert fails with a 500
        if (domain.length() > MAX_DOMAIN || key.length() > MAX_ADDRESS) {
            throw ApiProblem.invalid("address", "is too long once normalised: at most " + MAX_ADDRESS
                    + " characters in its lower-case ASCII form, with a domain of at most " + MAX_DOMAIN);
        }
        String mailboxId = "mbx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Mailbox mailbox = new Mailbox(mailboxId, org.value(), address, domain, body.provider(), body.dailyLimit(),
                seal(body.smtp()), seal(body.imap()),
                body.graph() != null ? seal(body.graph()) : seal(body.gmail()));
        Boolean created = tx.execute(s -> service.register(mailbox));
        if (!Boolean.TRUE.equals(created)) {
            // the same answer whether this organization or another one holds it: nothing more is told
            throw new ApiProblem(HttpStatus.CONFLICT, "address", "mailbox " + address + " is already registered; "
                    + "a From address belongs to one organization");
        }
        return view(mailbox);
    }

    /** The organization's mailboxes (provider, domain, daily limit; never a secret), by address. */
    @GetMapping
    List<Map<String, Object>> list(OrgId org) {
        return mailboxes.ofOrganization(org.value()).stream().map(MailboxController::view).toList();
    }

    @GetMapping("/{mailboxId}")
    Map<String, Object> get(OrgId org, @PathVariable String mailboxId) {
        return mailboxes.find(mailboxId).filter(m -> m.orgId().equals(org.value())).map(this::viewWithConnection)
                .orElseThrow(() -> ApiProblem.notFound("Mailbox", mailboxId));
    }

    /** Replaces the provider's credentials; a disconnected mailbox is connected again (and announced). */
    @PutMapping("/{mailboxId}/credentials")
    Map<String, Object> updateCredentials(OrgId org, @PathVariable String mailboxId,
                                          @Valid @RequestBody CredentialsRequest body) {
        Mailbox current = mailboxes.find(mailboxId).filter(m -> m.orgId().equals(org.value()))
                .orElseThrow(() -> ApiProblem.notFound("Mailbox", mailboxId));
        requireProviderSettings(current.provider(), body.smtp(), body.graph(), body.gmail());
        fields.check(body);
        if (body.imap() != null && !"SMTP".equalsIgnoreCase(current.provider())) {
            throw ApiProblem.invalid("imap", "must be absent when provider is " + current.provider());
        }
        Mailbox updated = new Mailbox(current.mailboxId(), current.orgId(), current.address(), current.domain(),
                current.provider(), current.dailyLimit(), body.smtp() != null ? seal(body.smtp()) : current.smtp(),
                body.imap() != null ? seal(body.imap()) : current.imap(),
                body.graph() != null ? seal(body.graph()) : body.gmail() != null ? seal(body.gmail())
                        : current.oauth());
        tx.executeWithoutResult(s -> service.updateCredentials(updated));
        return viewWithConnection(updated);
    }

    private Map<String, Object> viewWithConnection(Mailbox m) {
        Map<String, Object> v = view(m);
        MailboxConnections.State state = connections.state(m.mailboxId());
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("status", state.connected() ? "CONNECTED" : "DISCONNECTED");
        connection.put("reason", state.reason());
        v.put("connection", connection);
        return v;
    }

    private Mailbox.Endpoint seal(MailboxRequest.Server s) {
        return s == null ? null : new Mailbox.Endpoint(s.host(), s.port(), s.security(), s.username(),
                secrets.encrypt(s.password()));
    }

    private Mailbox.OAuth seal(MailboxRequest.Graph g) {
        return g == null ? null : new Mailbox.OAuth(g.tenant(), g.clientId(), secrets.encrypt(g.clientSecret()), null);
    }

    private Mailbox.OAuth seal(MailboxRequest.Gmail g) {
        return g == null ? null : new Mailbox.OAuth(null, g.clientId(), secrets.encrypt(g.clientSecret()),
                secrets.encrypt(g.refreshToken()));
    }

    private static void requireProviderSettings(MailboxRequest body) {
        requireProviderSettings(body.provider(), body.smtp(), body.graph(), body.gmail());
    }

    /** Each provider needs its own settings and no other's, so nothing unused is stored sealed. */
    private static void requireProviderSettings(String provider, Object smtp, Object graph, Object gmail) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("smtp", smtp);
        settings.put("graph", graph);
        settings.put("gmail", gmail);
        String needed = provider.toLowerCase(Locale.ROOT);
        settings.forEach((field, value) -> {
            if (field.equals(needed) && value == null) {
                throw ApiProblem.invalid(field, "is required when provider is " + provider);
            }
            if (!field.equals(needed) && value != null) {
                throw ApiProblem.invalid(field, "must be absent when provider is " + provider);
            }
        });
    }

    private static Map<String, Object> view(Mailbox m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mailboxId", m.mailboxId());
        v.put("address", m.address());
        v.put("domain", m.domain());
        v.put("provider", m.provider());
        v.put("dailyLimit", m.dailyLimit());
        v.put("smtp", m.smtp() == null ? null : m.smtp().host() + ":" + m.smtp().port() + " (" + m.smtp().security() + ")");
        v.put("graph", m.oauth() == null || m.oauth().tenant() == null ? null : Map.of("tenant",
                m.oauth().tenant(), "clientId", m.oauth().clientId()));
        v.put("gmail", m.oauth() == null || m.oauth().refreshToken() == null ? null : Map.of("clientId",
                m.oauth().clientId()));
        v.put("imap", m.imap() == null ? null : m.imap().host() + ":" + m.imap().port() + " (" + m.imap().security() + ")");
        return v;
    }
}
