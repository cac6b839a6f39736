package com.superkabe.gate.domain;

/**
 * The execution gate's risk scores for one mailbox, on a 0–100 scale.
 *
 * <p>hardScore = 0.7 × points(bounce rate) + 0.3 × points(failure rate), where the rates are
 * percentages over the mailbox's last {@value #WINDOW} send outcomes (hard bounces ÷ outcomes;
 * every failed outcome, bounces included, ÷ outcomes) and points(r) is 15 per percent up to 3 %,
 * 10 per percent beyond, capped at 100. The curve is calibrated so that the anchor's worked
 * examples come out exactly: 1 % → 15, 3 % → 45, 5 % → 65. It blocks at ≥ 60 and warns at ≥ 40.
 *
 * <p>softScore = 20 × velocity + 10 × domainWarnings, where velocity is the sends of the last 60
 * ticks (one logical hour) divided by the mailbox's even hourly pace (daily limit ÷ 24), capped at
 * 5, and domainWarnings is the number of mailboxes on its domain in the warning state. It never
 * blocks; ≥ 75 records a SOFT_WARNING.
 */
public record RiskScore(double hard, double soft) {

    public static final int WINDOW = 100;
    public static final double HARD_BLOCK = 60;
    public static final double HARD_WARN = 40;
    public static final double SOFT_WARN = 75;

    /** What the gate knows of one mailbox's recent sending. */
    public record Inputs(int outcomes, int hardBounces, int failures, int sendsLastHour, int dailyLimit,
                         int domainWarnings) {
    }

    public static RiskScore of(Inputs in) {
        double bounceRate = in.outcomes() == 0 ? 0 : 100.0 * in.hardBounces() / in.outcomes();
        double failureRate = in.outcomes() == 0 ? 0 : 100.0 * in.failures() / in.outcomes();
        double hard = 0.7 * points(bounceRate) + 0.3 * points(failureRate);
        double evenPace = Math.max(1, in.dailyLimit()) / 24.0;
        double velocity = Math.min(5, in.sendsLastHour() / evenPace);
        double soft = 20 * velocity + 10 * in.domainWarnings();
        return new RiskScore(round(hard), round(soft));
    }

    static double points(double percent) {
        double p = percent <= 3 ? 15 * percent : 45 + 10 * (percent - 3);
        return Math.min(100, p);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
