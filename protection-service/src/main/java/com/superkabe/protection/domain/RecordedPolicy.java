package com.superkabe.protection.domain;

import com.superkabe.events.protection.ProtectionPolicyChanged;
import com.superkabe.events.protection.ProtectionSettings;
import java.math.BigDecimal;

/**
 * The policy as it goes onto the topics and comes back (ADR 0064): the service's settings as
 * {@link ProtectionSettings} and an organization's overrides as {@link ProtectionPolicyChanged}. A
 * round trip gives the same policy, so a replay decides with exactly what the service decided with.
 */
public final class RecordedPolicy {

    private RecordedPolicy() {
    }

    /** The service's settings; the manual-override tier is an organization's, not part of them. */
    public static ProtectionSettings settings(ProtectionPolicy p) {
        ProtectionPolicy.Domain d = p.domain();
        ComplaintPolicy c = p.complaints();
        return new ProtectionSettings(p.warningBounces(), p.warningWindow(), p.pauseBounces(), p.pauseWindow(),
                p.cooldownTicks(), p.relapseQuarantineTicks(), p.relapsePauseTicks(), p.manualReviewTicks(),
                p.dnsCheckIntervalTicks(), p.restrictedDailyLimit(), p.restrictedCleanSends(),
                p.repeatOffenderCleanSends(), p.warmStartLimit(), p.warmDailyStep(), p.warmCleanSends(),
                p.warmMinTicks(), p.warmMaxBounceRatePermille(), p.ticksPerDay(), p.warmNewMailboxes(),
                p.warmingCleanSends(), p.warmingMinTicks(), d.warningRatio(), d.pauseRatio(), d.recoverRatio(),
                d.minimumMailboxes(), d.siblingsForDomainScope(), d.providerShare(), d.providerMinMailboxes(),
                c.warningPer100k(), c.pausePer100k(), c.minimumSends(), c.windowDays());
    }

    /** The policy recorded settings describe; throws IllegalArgumentException if they are not a valid one. */
    public static ProtectionPolicy policy(ProtectionSettings s) {
        return new ProtectionPolicy(s.warningBounces(), s.warningWindow(), s.pauseBounces(), s.pauseWindow(),
                s.cooldownTicks(), false, s.relapseQuarantineTicks(), s.relapsePauseTicks(), s.manualReviewTicks(),
                s.dnsCheckIntervalTicks(), s.restrictedDailyLimit(), s.restrictedCleanSends(),
                s.repeatOffenderCleanSends(), s.warmStartLimit(), s.warmDailyStep(), s.warmCleanSends(),
                s.warmMinTicks(), s.warmMaxBounceRatePermille(), s.ticksPerDay(), s.warmNewMailboxes(),
                s.warmingCleanSends(), s.warmingMinTicks(), new ProtectionPolicy.Domain(s.domainWarningRatio(),
                s.domainPauseRatio(), s.domainRecoverRatio(), s.domainMinimumMailboxes(), s.siblingsForDomainScope(),
                s.providerShare(), s.providerMinMailboxes()), new ComplaintPolicy(s.complaintWarningPer100k(),
                s.complaintPausePer100k(), s.complaintMinimumSends(), s.complaintWindowDays()));
    }

    /** An organization's new overrides as the event that records them. */
    public static ProtectionPolicyChanged changed(String orgId, PolicyOverrides o, boolean manualOverride, String actor,
                                                 String reason, long tick) {
        return new ProtectionPolicyChanged(orgId, o.warningBounces(), o.warningWindow(), o.pauseBounces(),
                o.pauseWindow(), o.cooldownTicks(), o.warmNewMailboxes(), PolicyOverrides.per100k(
                o.complaintWarningPercent()), PolicyOverrides.per100k(o.complaintPausePercent()),
                o.complaintMinimumSends(), o.complaintWindowDays(), manualOverride, actor, reason, tick);
    }

    /** The overrides an event records. */
    public static PolicyOverrides overrides(ProtectionPolicyChanged e) {
        return new PolicyOverrides(e.warningBounces(), e.warningWindow(), e.pauseBounces(), e.pauseWindow(),
                e.cooldownTicks(), e.warmNewMailboxes(), percent(e.complaintWarningPer100k()),
                percent(e.complaintPausePer100k()), e.complaintMinimumSends(), e.complaintWindowDays());
    }

    /** An organization's policy: its overrides on the service's settings, on its manual-override tier. */
    public static ProtectionPolicy of(ProtectionPolicy service, PolicyOverrides overrides, boolean manualOverride) {
        return overrides.applyTo(service.withManualOverride(manualOverride));
    }

    private static BigDecimal percent(Integer per100k) {
        return per100k == null ? null : BigDecimal.valueOf(per100k, 3);
    }
}
