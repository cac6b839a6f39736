package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.protection.application.OperatorService;
import com.superkabe.protection.application.ProtectionQueries;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.MailboxStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Mailboxes' protection state, audit trail and operator transitions, for the API key's organization. */
@RestController
@RequestMapping("/api/v1/protection/mailboxes")
class MailboxController {

    private final ProtectionQueries queries;
    private final OperatorService operators;

    MailboxController(ProtectionQueries queries, OperatorService operators) {
        this.queries = queries;
        this.operators = operators;
    }

    @GetMapping("/{mailboxId}")
    MailboxView get(OrgId org, @PathVariable String mailboxId) {
        return queries.mailbox(org.value(), mailboxId).map(m -> MailboxView.of(m, queries.warmupLimit(mailboxId)))
                .orElseThrow(() -> ApiProblem.notFound("Mailbox", mailboxId));
    }

    @GetMapping
    List<MailboxView> list(OrgId org, @RequestParam Optional<String> state) {
        Optional<String> status = state.map(s -> MailboxStatus.parse(s).orElseThrow(() -> ApiProblem.invalid("state",
                "unknown mailbox state '" + s + "'")).name());
        return queries.mailboxes(org.value(), status).stream().map(m -> MailboxView.of(m, -2)).toList();
    }

    @GetMapping("/{mailboxId}/transitions")
    List<Requests.TransitionView> transitions(OrgId org, @PathVariable String mailboxId) {
        get(org, mailboxId);
        return queries.transitions(org.value(), "mailbox", mailboxId).stream().map(Requests.TransitionView::of)
                .toList();
    }

    @PostMapping("/{mailboxId}/transitions")
    @ResponseStatus(HttpStatus.CREATED)
    Requests.TransitionView force(OrgId org, @PathVariable String mailboxId,
                                  @RequestBody Requests.TransitionRequest body, HttpServletRequest request) {
        String reason = body.requiredReason();
        String t = body.requiredTarget();
        MailboxStatus target = MailboxStatus.parse(t).orElseThrow(() -> ApiProblem.invalid("target",
                "unknown mailbox state '" + t + "'; one of healthy, warning, warming, paused, quarantine, "
                        + "restricted_send, warm_recovery"));
        return Requests.applied(operators.mailbox(org.value(), mailboxId, target, reason, Requests.actor(request),
                Boolean.TRUE.equals(body.force())).orElseThrow(() -> ApiProblem.notFound("Mailbox", mailboxId)));
    }

    /** {@code sends} and {@code bounces} are kept from the skeleton's counts view (e2e tests read them). */
    record MailboxView(String mailboxId, String address, String domain, boolean registered, String state,
                       long sends, long bounces, long failures, int windowBounces, int offences, int relapses,
                       long cooldownUntilTick, boolean manualReview, String frozenByDomainFrom, int cleanSendsInPhase,
                       long phaseEnteredTick, Integer warmupLimit) {
        static MailboxView of(MailboxState m, int limit) {
            return new MailboxView(m.mailboxId(), m.address(), m.domain(), m.registered(), m.status().wire(),
                    m.sends(), m.bounces(), m.failures(), m.window().bounces(m.window().capacity()), m.offences(),
                    m.relapses(), m.cooldownUntil(), m.manualReview(),
                    m.cascadeFrom() == null ? null : m.cascadeFrom().wire(), m.cleanInPhase(), m.phaseEntered(),
                    limit < -1 || limit == -1 ? null : limit);
        }
    }
}
