package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.protection.application.OperatorService;
import com.superkabe.protection.application.ProtectionQueries;
import com.superkabe.protection.domain.DomainState;
import com.superkabe.protection.domain.DomainStatus;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sending domains' protection state, audit trail and operator transitions. */
@RestController
@RequestMapping("/api/v1/protection/domains")
class DomainController {

    private final ProtectionQueries queries;
    private final OperatorService operators;

    DomainController(ProtectionQueries queries, OperatorService operators) {
        this.queries = queries;
        this.operators = operators;
    }

    @GetMapping("/{domain}")
    DomainView get(OrgId org, @PathVariable String domain) {
        return queries.domain(org.value(), domain).map(DomainView::of)
                .orElseThrow(() -> ApiProblem.notFound("Domain", domain));
    }

    /**
     * Up to {@code limit} (1–1000, default 1000) domains by name, or with {@code order=unhealthy-share}
     * the largest share of unhealthy mailboxes first; {@code X-Total-Count} says how many there are.
     */
    @GetMapping
    ResponseEntity<List<DomainView>> list(OrgId org, @RequestParam Optional<String> state,
                                          @RequestParam Optional<String> order, @RequestParam Optional<Integer> limit) {
        Optional<String> status = state.map(s -> DomainStatus.parse(s).orElseThrow(() -> ApiProblem.invalid("state",
                "unknown domain state '" + s + "'")).name());
        String by = order.orElse("domain");
        if (!by.equals("domain") && !by.equals("unhealthy-share")) {
            throw ApiProblem.invalid("order", "order must be domain or unhealthy-share");
        }
        int size = limit.orElse(MailboxController.MAX_LIMIT);
        if (size < 1 || size > MailboxController.MAX_LIMIT) {
            throw ApiProblem.invalid("limit", "limit must be between 1 and " + MailboxController.MAX_LIMIT + ", was "
                    + size);
        }
        return ResponseEntity.ok().header("X-Total-Count", Long.toString(queries.countDomains(org.value(), status)))
                .body(queries.domains(org.value(), status, by.equals("unhealthy-share"), size).stream()
                        .map(DomainView::of).toList());
    }

    @GetMapping("/{domain}/transitions")
    List<Requests.TransitionView> transitions(OrgId org, @PathVariable String domain) {
        get(org, domain);
        return queries.transitions(org.value(), "domain", domain).stream().map(Requests.TransitionView::of).toList();
    }

    @PostMapping("/{domain}/transitions")
    @ResponseStatus(HttpStatus.CREATED)
    Requests.TransitionView force(OrgId org, @PathVariable String domain, @RequestBody Requests.TransitionRequest body,
                                  HttpServletRequest request) {
        String reason = body.requiredReason();
        String t = body.requiredTarget();
        DomainStatus target = DomainStatus.parse(t).orElseThrow(() -> ApiProblem.invalid("target",
                "unknown domain state '" + t + "'; one of healthy, warning, paused"));
        return Requests.applied(operators.domain(org.value(), domain, target, reason, Requests.actor(request),
                Boolean.TRUE.equals(body.force())).orElseThrow(() -> ApiProblem.notFound("Domain", domain)));
    }

    record DomainView(String domain, String state, int mailboxes, int unhealthyMailboxes) {
        static DomainView of(DomainState d) {
            return new DomainView(d.domain(), d.status().wire(), d.mailboxes(), d.unhealthy());
        }
    }
}
