package com.superkabe.protection.domain;

/**
 * When the clock can next change a mailbox. Between inputs a mailbox's state is fixed, so what a
 * {@link MailboxCommand.Tick} decides (and the daily limit of its phase) changes only at the ticks
 * derived here from the healing rules: the end of a cooldown, the DNS re-check interval, the minimum
 * ticks of warming and warm_recovery once their send criteria hold, the next logical day of the
 * phase (its limit ramps) and, for a warming mailbox with complaints in its window, the next day
 * (the complaint window rolls by day). A replay visits a mailbox only then instead of on every tick;
 * a visit at any other tick decides nothing and leaves the limit as it was.
 */
public final class TickSchedule {

    /** Never by the clock alone: only an input that changes the mailbox makes it due again. */
    public static final long NEVER = Long.MAX_VALUE;

    private TickSchedule() {
    }

    /** The earliest tick after {@code tick} at which a tick could decide something for {@code s}. */
    public static long next(MailboxState s, long tick, ProtectionPolicy p) {
        if (!s.registered()) {
            return NEVER;
        }
        long after = tick + 1;
        return switch (s.status()) {
            case PAUSED -> s.cascadeFrom() == null && !s.manualReview() ? Math.max(after, s.cooldownUntil()) : NEVER;
            case QUARANTINE -> s.domainPaused() ? NEVER : Math.max(after, Math.max(s.cooldownUntil(),
                    s.lastDnsTick() < 0 ? after : s.lastDnsTick() + p.dnsCheckIntervalTicks()));
            case WARM_RECOVERY -> Math.min(nextPhaseDay(s, tick, p), s.cleanInPhase() >= p.warmCleanSends()
                    && Healing.rateBelowLimit(s, p) ? Math.max(after, s.phaseEntered() + p.warmMinTicks()) : NEVER);
            case WARMING -> Math.min(nextPhaseDay(s, tick, p), Math.min(s.cleanInPhase() >= p.warmingCleanSends()
                    ? Math.max(after, s.phaseEntered() + p.warmingMinTicks()) : NEVER,
                    hasComplaints(s) ? (tick / p.ticksPerDay() + 1) * p.ticksPerDay() : NEVER));
            default -> NEVER;
        };
    }

    // WarmupLimits ramps by whole days in the phase
    private static long nextPhaseDay(MailboxState s, long tick, ProtectionPolicy p) {
        long days = Math.max(0, tick - s.phaseEntered()) / p.ticksPerDay();
        return Math.max(tick + 1, s.phaseEntered() + (days + 1) * p.ticksPerDay());
    }

    // no complaint in the window: the complaint rule says NONE at every tick
    private static boolean hasComplaints(MailboxState s) {
        for (ComplaintWindow.Day d : s.complaints().days()) {
            if (d.complaints() > 0) {
                return true;
            }
        }
        return false;
    }
}
