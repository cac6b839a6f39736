package com.superkabe.protection.domain;

/**
 * The daily limit protection imposes in each phase (the sequencer's fourth cap); -1 means none.
 * Paused and quarantine send nothing; restricted_send is flat; warm_recovery and warming ramp by
 * a step per logical day in the phase.
 */
public final class WarmupLimits {

    public static final int NONE = -1;

    private WarmupLimits() {
    }

    public static int of(MailboxState s, long tick, ProtectionPolicy p) {
        long days = Math.max(0, tick - s.phaseEntered()) / p.ticksPerDay();
        return switch (s.status()) {
            case PAUSED, QUARANTINE -> 0;
            case RESTRICTED_SEND -> p.restrictedDailyLimit();
            case WARM_RECOVERY -> (int) Math.min(Integer.MAX_VALUE / 2, p.warmStartLimit() + p.warmDailyStep() * days);
            case WARMING -> (int) Math.min(Integer.MAX_VALUE / 2, p.restrictedDailyLimit() + p.warmDailyStep() * days);
            case HEALTHY, WARNING -> NONE;
        };
    }
}
