package com.superkabe.sequencer.domain.dispatch;

import java.util.Map;

/**
 * What a campaign imposes on its sends: its window, {@code Campaign.daily_limit} summed over its
 * mailboxes (null: none), {@code CampaignAccount.daily_limit_override} per mailbox (absent: none),
 * and {@code send_gap_minutes} between two sends of one mailbox (0: no spacing).
 */
public record CampaignRules(SendWindow window, Integer dailyLimit, Map<String, Integer> mailboxDailyLimits,
                            int sendGapMinutes) {

    public static final CampaignRules UNLIMITED = new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 0);

    public CampaignRules {
        window = window == null ? SendWindow.ALWAYS : window;
        mailboxDailyLimits = mailboxDailyLimits == null ? Map.of() : Map.copyOf(mailboxDailyLimits);
        if (dailyLimit != null && dailyLimit < 1) {
            throw new IllegalArgumentException("dailyLimit must be >= 1");
        }
        if (mailboxDailyLimits.values().stream().anyMatch(v -> v == null || v < 1)) {
            throw new IllegalArgumentException("mailbox daily limits must be >= 1");
        }
        if (sendGapMinutes < 0) {
            throw new IllegalArgumentException("sendGapMinutes must be >= 0");
        }
    }
}
