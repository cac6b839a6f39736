package com.superkabe.ingestion.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An organization's lead-health settings: the penalty each failed check subtracts from 100, the
 * band thresholds (GREEN ≥ {@code greenMin}, YELLOW ≥ {@code yellowMin}, RED below, which is
 * rejected), and optionally its own suspicious-TLD list (null: the shipped list).
 *
 * <p>Defaults (facts sheet §1–2): a missing MX or a disposable domain sets the score to 0 (penalty
 * 100); bands 80/50. Sources disagree on role accounts (EV/HEV: risky → YELLOW; RS and seed 000:
 * blocked) — the default is YELLOW (penalty 30): a role mailbox is read by people, so it is held
 * for review, and an organization that wants seed 000's strict reading sets {@code role} to 100.
 * The same applies to suspicious TLDs (30). An MX lookup that could not be answered costs 25:
 * YELLOW, "held for review (unknown)", never a silent pass.
 */
public record QualityPolicy(Map<String, Integer> penalties, int greenMin, int yellowMin, Set<String> suspiciousTlds) {

    public static final Map<String, Integer> DEFAULT_PENALTIES = Map.of(
            "mx", 100, "mx_unknown", 25, "disposable", 100, "role", 30, "tld", 30);
    public static final QualityPolicy DEFAULT = new QualityPolicy(DEFAULT_PENALTIES, 80, 50, null);

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

    public int penalty(String check) {
        return penalties.getOrDefault(check, 0);
    }

    public String band(int score) {
        return score >= greenMin ? "GREEN" : score >= yellowMin ? "YELLOW" : "RED";
    }
}
