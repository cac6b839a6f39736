package com.superkabe.sendadapter.adapter.in.web;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.application.MailboxService;
import com.superkabe.sendadapter.application.Mailboxes;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    MailboxController(MailboxService service, Mailboxes mailboxes, SecretBox secrets, TransactionTemplate tx) {
        this.service = service;
        this.mailboxes = mailboxes;
        this.secrets = secrets;
        this.tx = tx;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> register(OrgId org, @Valid @RequestBody MailboxRequest body) {
        requireProviderSettings(body);
        String address = body.address().trim();
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        String mailboxId = "mbx_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        Mailbox mailbox = new Mailbox(mailboxId, org.value(), address, domain, body.provider(), body.dailyLimit(),
                seal(body.smtp()), seal(body.imap()),
                body.graph() != null ? seal(body.graph()) : seal(body.gmail()));
        Boolean created = tx.execute(s -> service.register(mailbox));
        if (!Boolean.TRUE.equals(created)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "address", "mailbox " + address + " is already registered");
        }
        return view(mailbox);
    }

    @GetMapping("/{mailboxId}")
    Map<String, Object> get(OrgId org, @PathVariable String mailboxId) {
        return mailboxes.find(mailboxId).filter(m -> m.orgId().equals(org.value())).map(MailboxController::view)
                .orElseThrow(() -> ApiProblem.notFound("Mailbox", mailboxId));
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

    /** Each provider needs its own settings and no other's, so nothing unused is stored sealed. */
    private static void requireProviderSettings(MailboxRequest body) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("smtp", body.smtp());
        settings.put("graph", body.graph());
        settings.put("gmail", body.gmail());
        String needed = body.provider().toLowerCase(Locale.ROOT);
        settings.forEach((field, value) -> {
            if (field.equals(needed) && value == null) {
                throw ApiProblem.invalid(field, "is required when provider is " + body.provider());
            }
            if (!field.equals(needed) && value != null) {
                throw ApiProblem.invalid(field, "must be absent when provider is " + body.provider());
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
