package com.superkabe.cli;

import com.superkabe.sequencer.application.DispatchPaging;
import com.superkabe.sequencer.application.SendingSettings;
import com.superkabe.sequencer.config.SendingProperties;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --set sequencer.KEY=VALUE}: the sending settings and dispatch paging a sequencer replay
 * decides with. The keys are the service's own property names ({@code superkabe.sequencer.sending.*},
 * and {@code superkabe.sequencer.dispatch.page-size / scan-limit} as {@code dispatchPageSize /
 * dispatchScanLimit}); absent keys take the service's defaults through its own
 * {@link SendingProperties#settings()}, so a replay defaults exactly as the service does.
 */
final class SequencerSettings {

    /** What one sequencer replay runs with. */
    record Settings(SendingSettings sending, DispatchPaging paging) {
        static final Settings DEFAULT = new Settings(SendingSettings.DEFAULT, DispatchPaging.DEFAULT);
    }

    static final List<String> NAMES = List.of("retryBaseTicks", "retryMaxTicks", "retryGiveUpTicks",
            "retryJitterPercent", "yellowMax", "yellowWindow", "secondsPerTick", "bulkSenderDailyBudget",
            "espThrottleRecoveryTicks", "dispatchPageSize", "dispatchScanLimit");
    static final String KEYS = "sequencer.retryBaseTicks, sequencer.retryMaxTicks, sequencer.retryGiveUpTicks, "
            + "sequencer.retryJitterPercent, sequencer.yellowMax, sequencer.yellowWindow, sequencer.secondsPerTick, "
            + "sequencer.bulkSenderDailyBudget, sequencer.espThrottleRecoveryTicks, sequencer.dispatchPageSize, "
            + "sequencer.dispatchScanLimit";

    private SequencerSettings() {
    }

    static Settings sequencer(Map<String, String> settings) {
        Map<String, String> s = new TreeMap<>(settings == null ? Map.of() : settings);
        for (String key : s.keySet()) {
            if (!key.startsWith("sequencer.") || !NAMES.contains(key.substring("sequencer.".length()))) {
                throw new InputException("--set " + key + ": unknown setting; known: " + KEYS);
            }
        }
        SendingProperties properties = new SendingProperties(positiveLong(s, "retryBaseTicks"),
                positiveLong(s, "retryMaxTicks"), positiveLong(s, "retryGiveUpTicks"),
                bounded(s, "retryJitterPercent", 0, 100), bounded(s, "yellowMax", 0, Integer.MAX_VALUE),
                bounded(s, "yellowWindow", 1, Integer.MAX_VALUE), bounded(s, "secondsPerTick", 1, Integer.MAX_VALUE),
                bounded(s, "bulkSenderDailyBudget", 0, Integer.MAX_VALUE), positiveLong(s, "espThrottleRecoveryTicks"));
        SendingSettings sending;
        try {
            sending = properties.settings();
        } catch (IllegalArgumentException e) {
            throw new InputException("--set " + String.join(", ", s.keySet()) + ": these settings do not go together ("
                    + e.getMessage() + ")");
        }
        Integer page = bounded(s, "dispatchPageSize", 1, Integer.MAX_VALUE);
        Integer scan = bounded(s, "dispatchScanLimit", 1, Integer.MAX_VALUE);
        DispatchPaging d = DispatchPaging.DEFAULT;
        int pageSize = page == null ? d.page() : page;
        int scanLimit = scan == null ? d.scanLimit() : scan;
        if (scanLimit < pageSize) {
            throw new InputException("--set sequencer.dispatchScanLimit: must be at least sequencer.dispatchPageSize ("
                    + pageSize + "); got " + scanLimit);
        }
        return new Settings(sending, new DispatchPaging(pageSize, scanLimit));
    }

    private static Long positiveLong(Map<String, String> s, String name) {
        String v = s.get("sequencer." + name);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputException("--set sequencer." + name + ": must be a positive whole number; got '" + v + "'");
        }
    }

    private static Integer bounded(Map<String, String> s, String name, int min, int max) {
        String v = s.get("sequencer." + name);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputException("--set sequencer." + name + ": must be a whole number "
                    + (max == Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max) + "; got '"
                    + v + "'");
        }
    }
}
