package com.superkabe.protection.domain;

import java.util.List;

/**
 * Every threshold and duration the state machines decide by; durations are in logical ticks.
 * {@link #defaults(long)} gives the seed's values for a clock period (60 s: 1 day = 1440 ticks).
 * {@code manualOverride} (the manual-override tier) doubles every cooldown. {@code complaints}: the
 * complaint-rate lines (null means {@link ComplaintPolicy#DEFAULTS}).
 */
public record ProtectionPolicy(int warningBounces, int warningWindow, int pauseBounces, int pauseWindow,
                               List<Long> cooldownTicks, boolean manualOverride, long relapseQuarantineTicks,
                               long relapsePauseTicks, long manualReviewTicks, long dnsCheckIntervalTicks,
                               int restrictedDailyLimit, int restrictedCleanSends, int repeatOffenderCleanSends,
                               int warmStartLimit, int warmDailyStep, int warmCleanSends, long warmMinTicks,
                               int warmMaxBounceRatePermille, long ticksPerDay, boolean warmNewMailboxes,
                               int warmingCleanSends, long warmingMinTicks, Domain domain,
                               ComplaintPolicy complaints) {

    /** Domain thresholds and the correlation check's. */
    public record Domain(double warningRatio, double pauseRatio, double recoverRatio, int minimumMailboxes,
                         int siblingsForDomainScope, double providerShare, int providerMinMailboxes) {
    }

    public ProtectionPolicy {
        cooldownTicks = List.copyOf(cooldownTicks);
        if (warningBounces < 1 || pauseBounces < 1 || warningWindow < 1 || pauseWindow < 1) {
            throw new IllegalArgumentException("bounce thresholds and windows must be >= 1");
        }
        if (complaints == null) {
            complaints = ComplaintPolicy.DEFAULTS;
        }
        if (cooldownTicks.isEmpty() || ticksPerDay < 1) {
            throw new IllegalArgumentException("cooldowns and ticksPerDay are required");
        }
    }

    public static ProtectionPolicy defaults(long tickSeconds) {
        long day = Math.max(1, 86_400 / tickSeconds);
        long hour = Math.max(1, 3_600 / tickSeconds);
        return new ProtectionPolicy(3, 60, 5, 100, List.of(day, 3 * day, 7 * day), false, 48 * hour, 3 * day,
                7 * day, 4 * hour, 10, 15, 25, 50, 5, 50, 3 * day, 20, day, false, 50, 3 * day,
                new Domain(0.3, 0.5, 0.15, 3, 2, 0.8, 3), ComplaintPolicy.DEFAULTS);
    }

    public int windowCapacity() {
        return Math.max(warningWindow, pauseWindow);
    }

    /** Cooldown for the {@code offence}-th pause (1-based), doubled on the manual-override tier. */
    public long cooldownFor(int offence) {
        long base = cooldownTicks.get(Math.min(Math.max(offence, 1), cooldownTicks.size()) - 1);
        return scaled(base);
    }

    public long scaled(long ticks) {
        return manualOverride ? 2 * ticks : ticks;
    }

    public ProtectionPolicy withThresholds(int warnBounces, int warnWindow, int pBounces, int pWindow) {
        return new ProtectionPolicy(warnBounces, warnWindow, pBounces, pWindow, cooldownTicks, manualOverride,
                relapseQuarantineTicks, relapsePauseTicks, manualReviewTicks, dnsCheckIntervalTicks,
                restrictedDailyLimit, restrictedCleanSends, repeatOffenderCleanSends, warmStartLimit, warmDailyStep,
                warmCleanSends, warmMinTicks, warmMaxBounceRatePermille, ticksPerDay, warmNewMailboxes,
                warmingCleanSends, warmingMinTicks, domain, complaints);
    }

    public ProtectionPolicy withCooldowns(List<Long> cooldowns) {
        return new ProtectionPolicy(warningBounces, warningWindow, pauseBounces, pauseWindow, cooldowns, manualOverride,
                relapseQuarantineTicks, relapsePauseTicks, manualReviewTicks, dnsCheckIntervalTicks,
                restrictedDailyLimit, restrictedCleanSends, repeatOffenderCleanSends, warmStartLimit, warmDailyStep,
                warmCleanSends, warmMinTicks, warmMaxBounceRatePermille, ticksPerDay, warmNewMailboxes,
                warmingCleanSends, warmingMinTicks, domain, complaints);
    }

    public ProtectionPolicy withWarmNewMailboxes(boolean warm) {
        return new ProtectionPolicy(warningBounces, warningWindow, pauseBounces, pauseWindow, cooldownTicks,
                manualOverride, relapseQuarantineTicks, relapsePauseTicks, manualReviewTicks, dnsCheckIntervalTicks,
                restrictedDailyLimit, restrictedCleanSends, repeatOffenderCleanSends, warmStartLimit, warmDailyStep,
                warmCleanSends, warmMinTicks, warmMaxBounceRatePermille, ticksPerDay, warm, warmingCleanSends,
                warmingMinTicks, domain, complaints);
    }

    public ProtectionPolicy withComplaints(ComplaintPolicy c) {
        return new ProtectionPolicy(warningBounces, warningWindow, pauseBounces, pauseWindow, cooldownTicks,
                manualOverride, relapseQuarantineTicks, relapsePauseTicks, manualReviewTicks, dnsCheckIntervalTicks,
                restrictedDailyLimit, restrictedCleanSends, repeatOffenderCleanSends, warmStartLimit, warmDailyStep,
                warmCleanSends, warmMinTicks, warmMaxBounceRatePermille, ticksPerDay, warmNewMailboxes,
                warmingCleanSends, warmingMinTicks, domain, c);
    }

    public ProtectionPolicy withManualOverride(boolean override) {
        return new ProtectionPolicy(warningBounces, warningWindow, pauseBounces, pauseWindow, cooldownTicks, override,
                relapseQuarantineTicks, relapsePauseTicks, manualReviewTicks, dnsCheckIntervalTicks,
                restrictedDailyLimit, restrictedCleanSends, repeatOffenderCleanSends, warmStartLimit, warmDailyStep,
                warmCleanSends, warmMinTicks, warmMaxBounceRatePermille, ticksPerDay, warmNewMailboxes,
                warmingCleanSends, warmingMinTicks, domain, complaints);
    }
}
