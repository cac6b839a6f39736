package com.superkabe.cli;

import com.superkabe.protection.domain.ProtectionPolicy;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --set protection.KEY=VALUE}: the protection policy a replay decides with. Starts from the
 * service's defaults for {@code protection.tickSeconds} (60 unless set, as the service's
 * {@code superkabe.protection.tick-seconds}); the keys are the service's property names.
 */
final class PolicySettings {

    static final String KEYS = "protection.tickSeconds, protection.warningBounces, protection.warningWindow, "
            + "protection.pauseBounces, protection.pauseWindow, protection.warmNewMailboxes";

    private PolicySettings() {
    }

    static ProtectionPolicy protection(Map<String, String> settings) {
        Map<String, String> s = new TreeMap<>(settings == null ? Map.of() : settings);
        for (String key : s.keySet()) {
            if (!KEYS.contains(key) || !key.startsWith("protection.")) {
                throw new InputException("--set " + key + ": unknown setting; known: " + KEYS);
            }
        }
        ProtectionPolicy p = ProtectionPolicy.defaults(positive(s, "protection.tickSeconds", 60));
        p = p.withThresholds(positive(s, "protection.warningBounces", p.warningBounces()),
                positive(s, "protection.warningWindow", p.warningWindow()),
                positive(s, "protection.pauseBounces", p.pauseBounces()),
                positive(s, "protection.pauseWindow", p.pauseWindow()));
        String warm = s.get("protection.warmNewMailboxes");
        if (warm != null) {
            if (!warm.equals("true") && !warm.equals("false")) {
                throw new InputException("--set protection.warmNewMailboxes: must be true or false; got '" + warm + "'");
            }
            p = p.withWarmNewMailboxes(Boolean.parseBoolean(warm));
        }
        return p;
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
