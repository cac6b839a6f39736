package com.superkabe.replypoller.adapter.in.web;

import com.superkabe.kit.secrets.SecretBox;
import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.replypoller.application.InboxAccessGrants;
import com.superkabe.replypoller.application.InboxAccessGrants.Outcome;
import com.superkabe.replypoller.application.PolledMailbox;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants the reply poller read access to a GMAIL or GRAPH mailbox's inbox (ADR 0021). The mailbox itself
 * is registered with the send adapter; MailboxRegistered carries no OAuth fields, so reading needs its own
 * grant, which is also where the read scope differs from the send scope.
 */
@RestController
@RequestMapping("/api/v1/mailboxes")
class InboxAccessController {

    private final InboxAccessGrants grants;
    private final SecretBox secrets;

    InboxAccessController(InboxAccessGrants grants, SecretBox secrets) {
        this.grants = grants;
        this.secrets = secrets;
    }

    @PostMapping("/{mailboxId}/inbox-access")
    Map<String, Object> grant(OrgId org, @PathVariable String mailboxId, @Valid @RequestBody InboxAccessRequest body) {
        PolledMailbox.ApiAccess access = sealed(body);
        return switch (grants.grant(org.value(), mailboxId, access)) {
            case Outcome.Granted g -> view(g.mailbox());
            case Outcome.UnknownMailbox u -> throw ApiProblem.notFound("Mailbox", mailboxId);
            case Outcome.WrongProvider w -> throw ApiProblem.invalid(access.provider().toLowerCase(java.util.Locale.ROOT),
                    "must be absent: the mailbox's provider is " + w.mailboxProvider()
                            + ("GMAIL".equals(w.mailboxProvider()) || "GRAPH".equals(w.mailboxProvider())
                            ? ", so give " + w.mailboxProvider().toLowerCase(java.util.Locale.ROOT) + " instead"
                            : ", whose inbox is read over IMAP"));
        };
    }

    private PolledMailbox.ApiAccess sealed(InboxAccessRequest body) {
        if ((body.gmail() == null) == (body.graph() == null)) {
            throw ApiProblem.invalid(body.gmail() == null ? "gmail" : "graph",
                    "exactly one of gmail and graph is required");
        }
        if (body.gmail() != null) {
            InboxAccessRequest.Gmail g = body.gmail();
            return new PolledMailbox.ApiAccess("GMAIL", null, g.clientId(), secrets.encrypt(g.clientSecret()),
                    secrets.encrypt(g.refreshToken()));
        }
        InboxAccessRequest.Graph g = body.graph();
        return new PolledMailbox.ApiAccess("GRAPH", g.tenant(), g.clientId(), secrets.encrypt(g.clientSecret()), null);
    }

    private static Map<String, Object> view(PolledMailbox m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("mailboxId", m.mailboxId());
        v.put("address", m.address());
        v.put("provider", m.api().provider());
        v.put("tenant", m.api().tenant());
        v.put("clientId", m.api().clientId());
        return v;
    }
}
