package com.superkabe.protection.domain;

/**
 * The complaint-rate rule (ADR 0026), for a mailbox or a domain: complaints over the rolling window
 * divided by the sends in it, or by the policy's minimum volume when there were fewer. At or over
 * the pause line: PAUSE; at or over the warning line: WARNING; otherwise NONE. No complaint is
 * always NONE. Integer arithmetic, so the same figures always give the same level.
 */
public final class ComplaintRule {

    /** The trigger of the transitions this rule decides. */
    public static final String TRIGGER = "complaint_rate";

    public enum Level { NONE, WARNING, PAUSE }

    private ComplaintRule() {
    }

    public static Level level(ComplaintWindow.Figures f, ComplaintPolicy p) {
        if (f.complaints() == 0) {
            return Level.NONE;
        }
        long denominator = Math.max(f.sends(), p.minimumSends());
        long scaled = f.complaints() * 100_000L;
        if (scaled >= (long) p.pausePer100k() * denominator) {
            return Level.PAUSE;
        }
        return scaled >= (long) p.warningPer100k() * denominator ? Level.WARNING : Level.NONE;
    }

    /** The figures a transition is audited with, e.g. "2 complaints in 480 sends over 7 days: 0.4% ...". */
    public static String describe(ComplaintWindow.Figures f, ComplaintPolicy p) {
        long denominator = Math.max(f.sends(), p.minimumSends());
        long rate = f.complaints() * 100_000L / denominator;
        return f.complaints() + " complaint" + (f.complaints() == 1 ? "" : "s") + " in " + f.sends() + " sends over "
                + f.windowDays() + " days: " + ComplaintPolicy.percent(rate)
                + (f.sends() < p.minimumSends() ? " (rated over the minimum of " + p.minimumSends() + " sends)" : "")
                + "; warning at " + ComplaintPolicy.percent(p.warningPer100k()) + ", pause at "
                + ComplaintPolicy.percent(p.pausePer100k());
    }
}
