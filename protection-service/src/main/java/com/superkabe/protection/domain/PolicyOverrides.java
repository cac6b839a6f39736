package com.superkabe.protection.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An organization's own thresholds, windows, cooldowns, warm-up choice and complaint-rate lines
 * (percentages with at most three decimals, the minimum volume, the window in days); a null field
 * means "the service's default". {@link #check} says what is wrong with them, field by field, so a
 * bad policy is refused before it can decide anything.
 */
public record PolicyOverrides(Integer warningBounces, Integer warningWindow, Integer pauseBounces, Integer pauseWindow,
                              List<Long> cooldownTicks, Boolean warmNewMailboxes, BigDecimal complaintWarningPercent,
                              BigDecimal complaintPausePercent, Integer complaintMinimumSends,
                              Integer complaintWindowDays) {

    /** Windows are kept per mailbox as one byte per send: the cap keeps rows small. */
    public static final int MAX_WINDOW = 1_000;
    public static final int MAX_COOLDOWNS = 10;

    public static final int MAX_MINIMUM_SENDS = 1_000_000;
    public static final int MAX_WINDOW_DAYS = 90;

    public static final PolicyOverrides NONE = new PolicyOverrides(null, null, null, null, null, null);

    /** A refused field; {@code crossField} when each value is fine alone but not together. */
    public record Violation(String field, String detail, boolean crossField) {
    }

    /** A null entry is kept (not refused with an exception here) so that {@link #check} can name it. */
    public PolicyOverrides {
        cooldownTicks = cooldownTicks == null ? null
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(cooldownTicks));
    }

    /** Overrides without complaint-rate lines. */
    public PolicyOverrides(Integer warningBounces, Integer warningWindow, Integer pauseBounces, Integer pauseWindow,
                           List<Long> cooldownTicks, Boolean warmNewMailboxes) {
        this(warningBounces, warningWindow, pauseBounces, pauseWindow, cooldownTicks, warmNewMailboxes, null, null,
                null, null);
    }

    /** A percentage as complaints per 100,000 sends (0.1 → 100); null stays null. */
    public static Integer per100k(BigDecimal percent) {
        return percent == null ? null : percent.movePointRight(3).intValueExact();
    }

    public ProtectionPolicy applyTo(ProtectionPolicy p) {
        ProtectionPolicy t = p.withThresholds(or(warningBounces, p.warningBounces()), or(warningWindow,
                p.warningWindow()), or(pauseBounces, p.pauseBounces()), or(pauseWindow, p.pauseWindow()));
        ProtectionPolicy c = cooldownTicks == null ? t : t.withCooldowns(cooldownTicks);
        ProtectionPolicy w = warmNewMailboxes == null ? c : c.withWarmNewMailboxes(warmNewMailboxes);
        ComplaintPolicy d = p.complaints();
        return w.withComplaints(new ComplaintPolicy(or(per100k(complaintWarningPercent), d.warningPer100k()),
                or(per100k(complaintPausePercent), d.pausePer100k()), or(complaintMinimumSends, d.minimumSends()),
                or(complaintWindowDays, d.windowDays())));
    }

    public Optional<Violation> check(ProtectionPolicy defaults) {
        Optional<Violation> range = range("warningBounces", warningBounces)
                .or(() -> range("warningWindow", warningWindow)).or(() -> range("pauseBounces", pauseBounces))
                .or(() -> range("pauseWindow", pauseWindow)).or(() -> cooldowns(defaults.ticksPerDay()))
                .or(() -> percent("complaintWarningPercent", complaintWarningPercent))
                .or(() -> percent("complaintPausePercent", complaintPausePercent))
                .or(() -> range("complaintMinimumSends", complaintMinimumSends, MAX_MINIMUM_SENDS))
                .or(() -> range("complaintWindowDays", complaintWindowDays, MAX_WINDOW_DAYS));
        if (range.isPresent()) {
            return range;
        }
        int warning = or(per100k(complaintWarningPercent), defaults.complaints().warningPer100k());
        int pause = or(per100k(complaintPausePercent), defaults.complaints().pausePer100k());
        if (warning >= pause) {
            return cross(complaintWarningPercent != null ? "complaintWarningPercent" : "complaintPausePercent",
                    "complaintWarningPercent (" + ComplaintPolicy.percent(warning) + ") must be below "
                            + "complaintPausePercent (" + ComplaintPolicy.percent(pause) + "): a mailbox warns before "
                            + "it pauses");
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
        return range(field, v, MAX_WINDOW);
    }

    private static Optional<Violation> range(String field, Integer v, int max) {
        return v == null || (v >= 1 && v <= max) ? Optional.empty()
                : invalid(field, field + " must be between 1 and " + max + ", was " + v);
    }

    /** A percentage above 0 and at most 100, in steps of 0.001. */
    private static Optional<Violation> percent(String field, BigDecimal v) {
        if (v == null) {
            return Optional.empty();
        }
        if (v.signum() <= 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
            return invalid(field, field + " must be a percentage above 0 and at most 100, was " + v.toPlainString());
        }
        if (v.stripTrailingZeros().scale() > 3) {
            return invalid(field, field + " takes at most three decimals (0.001 %), was " + v.toPlainString());
        }
        return Optional.empty();
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
