package com.superkabe.sequencer.domain.dispatch;

/**
 * A mailbox's record with one recipient ESP over routing's 30-day horizon: messages accepted, replies,
 * bounces (at SMTP or later) and deferrals (transient refusals). Performance counts accepted messages
 * and replies for it and bounces and deferrals against it, pulled towards a neutral 0.5 by
 * {@link #CONFIDENCE} pseudo-sends, so one lucky send does not make 100 % (ADR 0019).
 */
public record EspRecord(int delivered, int replied, int bounced, int deferred) {

    public static final EspRecord NONE = new EspRecord(0, 0, 0, 0);
    /** How many neutral sends a record is blended with. */
    static final int CONFIDENCE = 20;

    public double performance() {
        double good = delivered + replied;
        double bad = bounced + deferred;
        return Math.min(1.0, (good + CONFIDENCE * 0.5) / (good + bad + CONFIDENCE));
    }

    public int attempts() {
        return delivered + bounced + deferred;
    }

    public EspRecord plus(EspRecord o) {
        return new EspRecord(delivered + o.delivered, replied + o.replied, bounced + o.bounced, deferred + o.deferred);
    }
}
