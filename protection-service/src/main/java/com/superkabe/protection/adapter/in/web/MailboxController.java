package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.protection.application.MailboxList;
import com.superkabe.protection.application.OperatorService;
import com.superkabe.protection.application.ProtectionQueries;
import com.superkabe.protection.domain.MailboxState;
import com.superkabe.protection.domain.MailboxStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Mailboxes' protection state, audit trail and operator transitions, for the API key's organization. */
@RestController
class MailboxController {

    static final String PATH = "/api/v1/protection/mailboxes";
    /** The most rows a page holds, and the size of a page when none is asked for (the list's former cap). */
    static final int MAX_LIMIT = 1000;

    private final ProtectionQueries queries;
    private final OperatorService operators;

    MailboxController(ProtectionQueries queries, OperatorService operators) {
        this.queries = queries;
        this.operators = operators;
    }

    @GetMapping(PATH + "/{mailboxId}")
    MailboxView get(OrgId org, @PathVariable String mailboxId) {
        return queries.mailbox(org.value(), mailboxId).map(m -> MailboxView.of(m, queries.warmupLimit(mailboxId)))
                .orElseThrow(() -> ApiProblem.notFound("Mailbox", mailboxId));
    }

    /**
     * One page of the organization's mailboxes in (address, mailbox id) order, optionally of one state,
     * domain and provider. The body stays the array it always was; the pages around it are in the
     * {@code Link} header (rel {@code next} and {@code prev}, RFC 8288) and the filter's row count in
     * {@code X-Total-Count} (ADR 0044).
     */
    @GetMapping(PATH)
    ResponseEntity<List<MailboxListItem>> list(OrgId org, @RequestParam Optional<String> state,
                                               @RequestParam Optional<String> domain,
                                               @RequestParam Optional<String> provider,
                                               @RequestParam Optional<Integer> limit,
                                               @RequestParam Optional<String> after,
                                               @RequestParam Optional<String> before) {
        Optional<String> status = state.filter(s -> !s.isBlank()).map(s -> MailboxStatus.parse(s).orElseThrow(
                () -> ApiProblem.invalid("state", "unknown mailbox state '" + s + "'")).name());
        int size = limit.orElse(MAX_LIMIT);
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + ", was " + size);
        }
        if (after.isPresent() && before.isPresent()) {
            throw ApiProblem.invalid("before", "give after or before, not both");
        }
        MailboxList.Filter filter = new MailboxList.Filter(org.value(), status,
                text("domain", domain, 255), text("provider", provider, 64));
        MailboxList.Page page = queries.mailboxes(filter, after.map(a -> Cursors.decode("after", a)),
                before.map(b -> Cursors.decode("before", b)), size);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header("X-Total-Count",
                Long.toString(page.matching()));
        List<String> links = new java.util.ArrayList<>();
        page.next().ifPresent(c -> links.add(link(filter, state, size, "after", c, "next")));
        page.previous().ifPresent(c -> links.add(link(filter, state, size, "before", c, "prev")));
        if (!links.isEmpty()) {
            response.header(HttpHeaders.LINK, String.join(", ", links));
        }
        return response.body(page.rows().stream().map(MailboxListItem::of).toList());
    }

    /** The organization's mailboxes counted per state and per provider, by the database. */
    @GetMapping("/api/v1/protection/mailbox-counts")
    MailboxCounts counts(OrgId org) {
        MailboxList.Counts c = queries.mailboxCounts(org.value());
        Map<String, Long> states = new LinkedHashMap<>();
        for (MailboxStatus s : MailboxStatus.values()) {
            states.put(s.wire(), c.byState().getOrDefault(s.name(), 0L));
        }
        return new MailboxCounts(c.mailboxes(), states, c.byProvider());
    }

    private static Optional<String> text(String field, Optional<String> value, int max) {
        Optional<String> v = value.map(String::strip).filter(s -> !s.isEmpty());
        if (v.isPresent() && v.get().length() > max) {
            throw ApiProblem.invalid(field, field + " must be at most " + max + " characters");
        }
        return v;
    }

    private static String link(MailboxList.Filter filter, Optional<String> state, int size, String direction,
                               MailboxList.Cursor at, String rel) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(PATH).queryParam("limit", size);
        state.filter(s -> !s.isBlank()).ifPresent(s -> uri.queryParam("state", s));
        filter.domain().ifPresent(d -> uri.queryParam("domain", d));
        filter.provider().ifPresent(p -> uri.queryParam("provider", p));
        uri.queryParam(direction, Cursors.encode(at));
        return "<" + uri.encode().build().toUriString() + ">; rel=\"" + rel + "\"";
    }

    @GetMapping(PATH + "/{mailboxId}/transitions")
    List<Requests.TransitionView> transitions(OrgId org, @PathVariable String mailboxId) {
        get(org, mailboxId);
        return queries.transitions(org.value(), "mailbox", mailboxId).stream().map(Requests.TransitionView::of)
                .toList();
    }

    @PostMapping(PATH + "/{mailboxId}/transitions")
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

    /**
     * A row of the list: the single mailbox's fields (its warmup limit as published, null if none),
     * then its provider as registered and the reason of its last transition (null if none).
     */
    record MailboxListItem(String mailboxId, String address, String domain, boolean registered, String state,
                           long sends, long bounces, long failures, int windowBounces, int offences, int relapses,
                           long cooldownUntilTick, boolean manualReview, String frozenByDomainFrom,
                           int cleanSendsInPhase, long phaseEnteredTick, Integer warmupLimit, String provider,
                           String lastReason) {
        static MailboxListItem of(MailboxList.Row r) {
            MailboxView v = MailboxView.of(r.state(), r.warmupLimit());
            return new MailboxListItem(v.mailboxId(), v.address(), v.domain(), v.registered(), v.state(), v.sends(),
                    v.bounces(), v.failures(), v.windowBounces(), v.offences(), v.relapses(), v.cooldownUntilTick(),
                    v.manualReview(), v.frozenByDomainFrom(), v.cleanSendsInPhase(), v.phaseEnteredTick(),
                    v.warmupLimit(), r.provider(), r.lastReason());
        }
    }

    /** Mailboxes in all, per state (every state, zero included) and per registered provider. */
    record MailboxCounts(long mailboxes, Map<String, Long> states, Map<String, Long> providers) {
    }
}
