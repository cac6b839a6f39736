package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.kit.web.ApiProblem;
import com.superkabe.protection.application.OperatorService;
import com.superkabe.protection.application.ProtectionQueries;
import com.superkabe.protection.application.ProtectionStore;
import com.superkabe.protection.domain.ComplaintPolicy;
import com.superkabe.protection.domain.PolicyOverrides;
import com.superkabe.protection.domain.ProtectionPolicy;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's protection policy: bounce thresholds and their count windows, the cooldown
 * of each successive pause (in logical ticks), whether new mailboxes start in warming, and the
 * complaint-rate lines (percent, minimum volume, window in days; ADR 0026). PUT
 * replaces the organization's overrides; an omitted or null field means the service's default.
 */
@RestController
@RequestMapping("/api/v1/protection/policy")
class PolicyController {

    private final ProtectionQueries queries;
    private final OperatorService operators;

    PolicyController(ProtectionQueries queries, OperatorService operators) {
        this.queries = queries;
        this.operators = operators;
    }

    record PolicyView(int warningBounces, int warningWindow, int pauseBounces, int pauseWindow,
                      List<Long> cooldownTicks, boolean warmNewMailboxes, BigDecimal complaintWarningPercent,
                      BigDecimal complaintPausePercent, int complaintMinimumSends, int complaintWindowDays) {
        static PolicyView of(ProtectionPolicy p) {
            ComplaintPolicy c = p.complaints();
            return new PolicyView(p.warningBounces(), p.warningWindow(), p.pauseBounces(), p.pauseWindow(),
                    p.cooldownTicks(), p.warmNewMailboxes(), BigDecimal.valueOf(c.warningPer100k(), 3)
                    .stripTrailingZeros(), BigDecimal.valueOf(c.pausePer100k(), 3).stripTrailingZeros(),
                    c.minimumSends(), c.windowDays());
        }
    }

    record PolicyRequest(Integer warningBounces, Integer warningWindow, Integer pauseBounces, Integer pauseWindow,
                         List<Long> cooldownTicks, Boolean warmNewMailboxes, BigDecimal complaintWarningPercent,
                         BigDecimal complaintPausePercent, Integer complaintMinimumSends, Integer complaintWindowDays,
                         String reason) {
    }

    @GetMapping
    PolicyView get(OrgId org) {
        return PolicyView.of(queries.policy(org.value()));
    }

    @PutMapping
    PolicyView set(OrgId org, @RequestBody PolicyRequest body, HttpServletRequest request) {
        if (body.reason() != null && body.reason().length() > 1000) {
            throw ApiProblem.invalid("reason", "reason must be at most 1000 characters");
        }
        PolicyOverrides o = new PolicyOverrides(body.warningBounces(), body.warningWindow(), body.pauseBounces(),
                body.pauseWindow(), body.cooldownTicks(), body.warmNewMailboxes(), body.complaintWarningPercent(),
                body.complaintPausePercent(), body.complaintMinimumSends(), body.complaintWindowDays());
        o.check(queries.defaults()).ifPresent(v -> {
            throw new ApiProblem(v.crossField() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST, v.field(),
                    v.detail());
        });
        return PolicyView.of(operators.setPolicy(org.value(), o, body.reason(), Requests.actor(request)));
    }

    @GetMapping("/changes")
    List<ProtectionStore.PolicyChange> changes(OrgId org) {
        return queries.policyChanges(org.value());
    }
}
