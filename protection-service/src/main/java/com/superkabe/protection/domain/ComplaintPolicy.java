package com.superkabe.protection.domain;

/**
 * The complaint-rate lines (ADR 0026): a mailbox or domain warns at {@code warningPer100k} and
 * pauses at {@code pausePer100k} complaints per 100,000 sends (100 = 0.1 %, 300 = 0.3 %, Gmail's
 * published lines), counted over the last {@code windowDays} days of the logical clock. The rate is
 * taken over at least {@code minimumSends} sends (the volume guard): with fewer sends the denominator
 * is {@code minimumSends}, so a fresh mailbox's one complaint does not read as a 10 % rate.
 */
public record ComplaintPolicy(int warningPer100k, int pausePer100k, int minimumSends, int windowDays) {

    /** 0.1 % warning, 0.3 % pause, at least 500 sends, 7 days. */
    public static final ComplaintPolicy DEFAULTS = new ComplaintPolicy(100, 300, 500, 7);

    public ComplaintPolicy {
        if (warningPer100k < 1 || pausePer100k <= warningPer100k || pausePer100k > 100_000) {
            throw new IllegalArgumentException("complaint lines must satisfy 0 < warning < pause <= 100 %");
        }
        if (minimumSends < 1 || windowDays < 1) {
            throw new IllegalArgumentException("minimumSends and windowDays must be >= 1");
        }
    }

    /** A rate in per-100,000 units as a percentage, e.g. 300 → "0.3%". */
    public static String percent(long per100k) {
        return java.math.BigDecimal.valueOf(per100k, 3).stripTrailingZeros().toPlainString() + "%";
    }
}
