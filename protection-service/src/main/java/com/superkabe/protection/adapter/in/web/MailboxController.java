package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.protection.application.MailboxQueries;
import com.superkabe.protection.domain.MailboxCounters;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A mailbox's protection view, for the organization the API key belongs to. */
@RestController
@RequestMapping("/api/v1/mailboxes")
class MailboxController {

    private final MailboxQueries queries;

    MailboxController(MailboxQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{mailboxId}")
    MailboxView get(OrgId org, @PathVariable String mailboxId) {
        return queries.mailbox(org.value(), mailboxId).map(MailboxView::of)
                .orElseThrow(() -> ApiProblem.notFound("Mailbox", mailboxId));
    }

    record MailboxView(String mailboxId, String address, String domain, boolean registered, long sends, long bounces,
                       long failures, String state) {
        static MailboxView of(MailboxCounters c) {
            return new MailboxView(c.mailboxId(), c.address(), c.domain(), c.registered(), c.sends(), c.bounces(),
                    c.failures(), c.state());
        }
    }
}
