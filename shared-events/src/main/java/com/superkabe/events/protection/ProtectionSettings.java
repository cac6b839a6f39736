package com.superkabe.events.protection;

import java.util.List;

/**
 * Every threshold and duration protection decides by, as the service runs them (its configured
 * defaults; an organization's overrides are {@link ProtectionPolicyChanged}). Durations are in
 * logical ticks; {@code ticksPerDay} follows from the tick length the service was configured with.
 * Complaint lines are complaints per 100,000 sends.
 */
public record ProtectionSettings(int warningBounces, int warningWindow, int pauseBounces, int pauseWindow,
                                 List<Long> cooldownTicks, long relapseQuarantineTicks, long relapsePauseTicks,
                                 long manualReviewTicks, long dnsCheckIntervalTicks, int restrictedDailyLimit,
                                 int restrictedCleanSends, int repeatOffenderCleanSends, int warmStartLimit,
                                 int warmDailyStep, int warmCleanSends, long warmMinTicks,
                                 int warmMaxBounceRatePermille, long ticksPerDay, boolean warmNewMailboxes,
                                 int warmingCleanSends, long warmingMinTicks, double domainWarningRatio,
                                 double domainPauseRatio, double domainRecoverRatio, int domainMinimumMailboxes,
                                 int siblingsForDomainScope, double providerShare, int providerMinMailboxes,
                                 int complaintWarningPer100k, int complaintPausePer100k, int complaintMinimumSends,
                                 int complaintWindowDays) {

    public ProtectionSettings {
        if (cooldownTicks == null || cooldownTicks.isEmpty() || cooldownTicks.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("cooldownTicks needs at least one entry and no null");
        }
        cooldownTicks = List.copyOf(cooldownTicks);
        if (ticksPerDay < 1) {
            throw new IllegalArgumentException("ticksPerDay must be >= 1");
        }
    }
}
