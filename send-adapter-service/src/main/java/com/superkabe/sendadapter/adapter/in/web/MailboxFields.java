package com.superkabe.sendadapter.adapter.in.web;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.mailguard.ControlCharacters;
import com.superkabe.mailguard.HostSyntax;
import com.superkabe.mailguard.MailHostPolicy;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The checks of a mailbox body that bean validation cannot express (ADR 0027): no control
 * characters in any field, and each server's host a plain host name or IP literal that the mailbox
 * host policy does not already refuse without a lookup. Each refusal is a 400 naming the field.
 */
final class MailboxFields {

    private final MailHostPolicy policy;

    MailboxFields(MailHostPolicy policy) {
        this.policy = policy;
    }

    void check(MailboxRequest body) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("address", body.address());
        text.put("provider", body.provider());
        check(text);
        checkBlocks(body.smtp(), body.imap(), body.graph(), body.gmail());
    }

    void check(CredentialsRequest body) {
        checkBlocks(body.smtp(), body.imap(), body.graph(), body.gmail());
    }

    private void checkBlocks(MailboxRequest.Server smtp, MailboxRequest.Server imap, MailboxRequest.Graph graph,
                             MailboxRequest.Gmail gmail) {
        Map<String, String> text = new LinkedHashMap<>();
        server("smtp", smtp, text);
        server("imap", imap, text);
        if (graph != null) {
            text.put("graph.tenant", graph.tenant());
            text.put("graph.clientId", graph.clientId());
            text.put("graph.clientSecret", graph.clientSecret());
        }
        if (gmail != null) {
            text.put("gmail.clientId", gmail.clientId());
            text.put("gmail.clientSecret", gmail.clientSecret());
            text.put("gmail.refreshToken", gmail.refreshToken());
        }
        check(text);
        host("smtp", smtp);
        host("imap", imap);
    }

    private static void server(String name, MailboxRequest.Server s, Map<String, String> text) {
        if (s != null) {
            text.put(name + ".host", s.host());
            text.put(name + ".security", s.security());
            text.put(name + ".username", s.username());
            text.put(name + ".password", s.password());
        }
    }

    private static void check(Map<String, String> text) {
        text.forEach((field, value) -> ControlCharacters.find(value).ifPresent(c ->
                // the value itself is not echoed: it may be a secret, and it is what could forge a line
                { throw ApiProblem.invalid(field, "must not contain control characters (found " + c + ")"); }));
    }

    private void host(String name, MailboxRequest.Server s) {
        if (s == null) {
            return;
        }
        HostSyntax.problem(s.host()).ifPresent(p -> {
            throw ApiProblem.invalid(name + ".host", p);
        });
        policy.refusalWithoutLookup(s.host(), s.port()).ifPresent(reason -> {
            String field = reason.startsWith("port ") ? name + ".port" : name + ".host";
            throw ApiProblem.invalid(field, "is not allowed: " + reason);
        });
    }
}
