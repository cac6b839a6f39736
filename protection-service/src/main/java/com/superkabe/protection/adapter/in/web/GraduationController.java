package com.superkabe.protection.adapter.in.web;

import com.superkabe.kit.security.OrgId;
import com.superkabe.protection.application.ProtectionQueries;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a mailbox must achieve in each healing phase before it graduates, with the organization's
 * policy applied, and the protection clock's current tick: the operator console measures a
 * mailbox's progress against these (clean sends, ticks in phase, bounce rate) instead of copying
 * the service's defaults.
 */
@RestController
class GraduationController {

    private final ProtectionQueries queries;

    GraduationController(ProtectionQueries queries) {
        this.queries = queries;
    }

    record Warming(int cleanSends, long minTicks) {
    }

    record Restricted(int cleanSends, int repeatOffenderCleanSends, int dailyLimit) {
    }

    record WarmRecovery(int cleanSends, long minTicks, BigDecimal maxBounceRatePercent, int startLimit,
                        int dailyStep) {
    }

    record GraduationView(long currentTick, List<Long> cooldownTicks, long dnsCheckIntervalTicks, Warming warming,
                          Restricted restrictedSend, WarmRecovery warmRecovery) {
        static GraduationView of(ProtectionPolicy p, long tick) {
            return new GraduationView(tick, p.cooldownTicks(), p.dnsCheckIntervalTicks(),
                    new Warming(p.warmingCleanSends(), p.warmingMinTicks()),
                    new Restricted(p.restrictedCleanSends(), p.repeatOffenderCleanSends(), p.restrictedDailyLimit()),
                    new WarmRecovery(p.warmCleanSends(), p.warmMinTicks(),
                            BigDecimal.valueOf(p.warmMaxBounceRatePermille(), 1).stripTrailingZeros(),
                            p.warmStartLimit(), p.warmDailyStep()));
        }
    }

    @GetMapping("/api/v1/protection/graduation-criteria")
    GraduationView get(OrgId org) {
        return GraduationView.of(queries.policy(org.value()), queries.currentTick());
    }
}
