package com.superkabe.ingestion.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An organization's lead-health settings (ADR 0011): the penalty each failed check subtracts from
 * 100, the band thresholds (GREEN ≥ {@code greenMin}, YELLOW ≥ {@code yellowMin}, RED below, which
 * is rejected), optionally its own suspicious-TLD list (null: the shipped list), and three choices:
 * <ul>
 * <li>{@code acceptRoleAccounts} / {@code acceptSuspiciousTlds} — off by default: role accounts and
 * suspicious TLDs are immediate blocks (RED, ADR 0011 §2). On, they cost their penalty (25 each, so
 * either one alone, or both together, is YELLOW).</li>
 * <li>{@code smtputf8} — off by default: a non-ASCII local part is refused with
 * {@code smtputf8_not_enabled}; on, it is judged like any other.</li>
 * </ul>
 * A missing MX or a disposable domain costs 100; an MX lookup that could not be answered costs 25
 * (YELLOW, never a silent pass or a rejection on its own).
 */
public record QualityPolicy(Map<String, Integer> penalties, int greenMin, int yellowMin, Set<String> suspiciousTlds,
                            boolean acceptRoleAccounts, boolean acceptSuspiciousTlds, boolean smtputf8) {

    public static final Map<String, Integer> DEFAULT_PENALTIES = Map.of(
            "mx", 100, "mx_unknown", 25, "disposable", 100, "role", 25, "tld", 25);
    public static final QualityPolicy DEFAULT = new QualityPolicy(DEFAULT_PENALTIES, 80, 50, null);
    /** What a blocked check costs: everything. */
    public static final int BLOCK = 100;

    public QualityPolicy {
        Map<String, Integer> merged = new LinkedHashMap<>(DEFAULT_PENALTIES);
        if (penalties != null) {
            penalties.forEach((check, p) -> {
                if (!DEFAULT_PENALTIES.containsKey(check)) {
                    throw new IllegalArgumentException("unknown check '" + check + "' (known: "
                            + DEFAULT_PENALTIES.keySet() + ")");
                }
                if (p == null || p < 0 || p > 100) {
                    throw new IllegalArgumentException("penalty of '" + check + "' must be 0..100");
                }
                merged.put(check, p);
            });
        }
        penalties = Map.copyOf(merged);
        if (yellowMin < 1 || yellowMin > greenMin || greenMin > 100) {
            throw new IllegalArgumentException("thresholds must satisfy 1 <= yellowMin <= greenMin <= 100");
        }
        suspiciousTlds = suspiciousTlds == null ? null : Set.copyOf(suspiciousTlds);
    }

    /** The defaults' choices: role accounts and suspicious TLDs blocked, SMTPUTF8 off. */
    public QualityPolicy(Map<String, Integer> penalties, int greenMin, int yellowMin, Set<String> suspiciousTlds) {
        this(penalties, greenMin, yellowMin, suspiciousTlds, false, false, false);
    }

    /** What a failed check costs under this policy: role and tld cost everything unless accepted. */
    public int penalty(String check) {
        return switch (check) {
            case "role" -> acceptRoleAccounts ? penalties.get("role") : BLOCK;
            case "tld" -> acceptSuspiciousTlds ? penalties.get("tld") : BLOCK;
            default -> penalties.getOrDefault(check, 0);
        };
    }

    /** Whether a failed check blocks the lead outright rather than lowering its score. */
    public boolean blocks(String check) {
        return switch (check) {
            case "role" -> !acceptRoleAccounts;
            case "tld" -> !acceptSuspiciousTlds;
            default -> false;
        };
    }

    public String band(int score) {
        return score >= greenMin ? "GREEN" : score >= yellowMin ? "YELLOW" : "RED";
    }
}
