package com.superkabe.cli;

import com.superkabe.protection.domain.ProtectionPolicy;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * {@code --set protection.KEY=VALUE}: the protection policy a replay decides with where the topics
 * do not record it (history before ADR 0064), and what-if's changes on top of whatever is recorded.
 * The fallback is the product's defaults for {@code protection.tickSeconds} (60 unless set, as the
 * service's {@code superkabe.protection.tick-seconds}); the keys are the service's property names.
 */
final class PolicySettings {

    static final String KEYS = "protection.tickSeconds, protection.warningBounces, protection.warningWindow, "
            + "protection.pauseBounces, protection.pauseWindow, protection.warmNewMailboxes";

    private PolicySettings() {
    }

    /**
     * The policy a replay starts from until the topics record the service's settings (ADR 0064):
     * the defaults for {@code protection.tickSeconds} with the other keys applied.
     */
    static ProtectionPolicy protection(Map<String, String> settings) {
        return adjustment(settings).apply(fallback(settings));
    }

    /** The product's defaults for the tick length {@code protection.tickSeconds} names (60 unless set). */
    static ProtectionPolicy fallback(Map<String, String> settings) {
        return ProtectionPolicy.defaults(positive(checked(settings), "protection.tickSeconds", 60));
    }

    /**
     * The keys other than {@code protection.tickSeconds} as a change to any policy: what-if applies it
     * to every organization's policy, recorded or not. Keys not given leave the policy's own values.
     */
    static UnaryOperator<ProtectionPolicy> adjustment(Map<String, String> settings) {
        Map<String, String> s = checked(settings);
        Integer warningBounces = optional(s, "protection.warningBounces");
        Integer warningWindow = optional(s, "protection.warningWindow");
        Integer pauseBounces = optional(s, "protection.pauseBounces");
        Integer pauseWindow = optional(s, "protection.pauseWindow");
        String warm = s.get("protection.warmNewMailboxes");
        if (warm != null && !warm.equals("true") && !warm.equals("false")) {
            throw new InputException("--set protection.warmNewMailboxes: must be true or false; got '" + warm + "'");
        }
        return p -> {
            ProtectionPolicy q = p.withThresholds(or(warningBounces, p.warningBounces()),
                    or(warningWindow, p.warningWindow()), or(pauseBounces, p.pauseBounces()),
                    or(pauseWindow, p.pauseWindow()));
            return warm == null ? q : q.withWarmNewMailboxes(Boolean.parseBoolean(warm));
        };
    }

    private static Map<String, String> checked(Map<String, String> settings) {
        Map<String, String> s = new TreeMap<>(settings == null ? Map.of() : settings);
        for (String key : s.keySet()) {
            if (!KEYS.contains(key) || !key.startsWith("protection.")) {
                throw new InputException("--set " + key + ": unknown setting; known: " + KEYS);
            }
        }
        return s;
    }

    private static Integer optional(Map<String, String> s, String key) {
        return s.containsKey(key) ? positive(s, key, 0) : null;
    }

    private static int or(Integer v, int fallback) {
        return v == null ? fallback : v;
    }

    private static int positive(Map<String, String> s, String key, int fallback) {
        String v = s.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputException("--set " + key + ": must be a positive whole number; got '" + v + "'");
        }
    }
}
