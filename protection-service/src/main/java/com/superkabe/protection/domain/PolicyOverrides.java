package com.superkabe.protection.domain;

import java.util.List;
import java.util.Optional;

/**
 * An organization's own thresholds, windows, cooldowns and warm-up choice; a null field means
 * "the service's default". {@link #check} says what is wrong with them, field by field, so a bad
 * policy is refused before it can decide anything.
 */
public record PolicyOverrides(Integer warningBounces, Integer warningWindow, Integer pauseBounces, Integer pauseWindow,
                              List<Long> cooldownTicks, Boolean warmNewMailboxes) {

    /** Windows are kept per mailbox as one byte per send: the cap keeps rows small. */
    public static final int MAX_WINDOW = 1_000;
    public static final int MAX_COOLDOWNS = 10;

    public static final PolicyOverrides NONE = new PolicyOverrides(null, null, null, null, null, null);

    /** A refused field; {@code crossField} when each value is fine alone but not together. */
    public record Violation(String field, String detail, boolean crossField) {
    }

    public PolicyOverrides {
        cooldownTicks = cooldownTicks == null ? null : List.copyOf(cooldownTicks);
    }

    public ProtectionPolicy applyTo(ProtectionPolicy p) {
        ProtectionPolicy t = p.withThresholds(or(warningBounces, p.warningBounces()), or(warningWindow,
                p.warningWindow()), or(pauseBounces, p.pauseBounces()), or(pauseWindow, p.pauseWindow()));
        ProtectionPolicy c = cooldownTicks == null ? t : t.withCooldowns(cooldownTicks);
        return warmNewMailboxes == null ? c : c.withWarmNewMailboxes(warmNewMailboxes);
    }

    public Optional<Violation> check(ProtectionPolicy defaults) {
        Optional<Violation> range = range("warningBounces", warningBounces)
                .or(() -> range("warningWindow", warningWindow)).or(() -> range("pauseBounces", pauseBounces))
                .or(() -> range("pauseWindow", pauseWindow)).or(() -> cooldowns(defaults.ticksPerDay()));
        if (range.isPresent()) {
            return range;
        }
        ProtectionPolicy p = applyTo(defaults);
        if (p.warningBounces() > p.warningWindow()) {
            return cross("warningBounces", "warningBounces (" + p.warningBounces() + ") cannot exceed warningWindow ("
                    + p.warningWindow() + ")");
        }
        if (p.pauseBounces() > p.pauseWindow()) {
            return cross("pauseBounces", "pauseBounces (" + p.pauseBounces() + ") cannot exceed pauseWindow ("
                    + p.pauseWindow() + ")");
        }
        if (p.warningBounces() >= p.pauseBounces()) {
            return cross("warningBounces", "warningBounces (" + p.warningBounces() + ") must be below pauseBounces ("
                    + p.pauseBounces() + "): a mailbox warns before it pauses");
        }
        return Optional.empty();
    }

    private Optional<Violation> cooldowns(long ticksPerDay) {
        if (cooldownTicks == null) {
            return Optional.empty();
        }
        if (cooldownTicks.isEmpty() || cooldownTicks.size() > MAX_COOLDOWNS) {
            return invalid("cooldownTicks", "cooldownTicks needs 1 to " + MAX_COOLDOWNS + " entries (1st, 2nd, ... "
                    + "pause)");
        }
        for (int i = 0; i < cooldownTicks.size(); i++) {
            Long c = cooldownTicks.get(i);
            if (c == null || c < 1 || c > 365 * ticksPerDay) {
                return invalid("cooldownTicks", "cooldownTicks[" + i + "] must be between 1 and " + 365 * ticksPerDay
                        + " ticks (a year)");
            }
            if (i > 0 && c < cooldownTicks.get(i - 1)) {
                return cross("cooldownTicks", "cooldownTicks must not decrease: a repeat offence never cools down "
                        + "faster than the one before");
            }
        }
        return Optional.empty();
    }

    private static Optional<Violation> range(String field, Integer v) {
        return v == null || (v >= 1 && v <= MAX_WINDOW) ? Optional.empty()
                : invalid(field, field + " must be between 1 and " + MAX_WINDOW + ", was " + v);
    }

    private static Optional<Violation> invalid(String field, String detail) {
        return Optional.of(new Violation(field, detail, false));
    }

    private static Optional<Violation> cross(String field, String detail) {
        return Optional.of(new Violation(field, detail, true));
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }
}
