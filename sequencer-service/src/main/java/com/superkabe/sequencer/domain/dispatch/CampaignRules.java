package com.superkabe.sequencer.domain.dispatch;

import java.util.Map;

/**
 * What a campaign imposes on its sends: its window, {@code Campaign.daily_limit} summed over its
 * mailboxes (null: none), {@code CampaignAccount.daily_limit_override} per mailbox (absent: none),
 * {@code send_gap_minutes} between two sends of one mailbox (0: no spacing), {@code reassignAfterTicks}:
 * how long a run waits for its sticky mailbox to be able to send again before routing moves it (and
 * how long a mailbox that refused a run's step is avoided), {@code euComplianceMode}: no open
 * pixel, no click rewriting (ADR 0019, 0020), and {@code policies}: the action of each policy of the
 * gate (ADR 0022).
 */
public record CampaignRules(SendWindow window, Integer dailyLimit, Map<String, Integer> mailboxDailyLimits,
                            int sendGapMinutes, long reassignAfterTicks, boolean euComplianceMode,
                            com.superkabe.sequencer.domain.policy.PolicySettings policies) {

    public CampaignRules(SendWindow window, Integer dailyLimit, Map<String, Integer> mailboxDailyLimits,
                         int sendGapMinutes, long reassignAfterTicks, boolean euComplianceMode) {
        this(window, dailyLimit, mailboxDailyLimits, sendGapMinutes, reassignAfterTicks, euComplianceMode, null);
    }

    /** One day of 60-second ticks. */
    public static final long DEFAULT_REASSIGN_AFTER_TICKS = 1440;
    public static final CampaignRules UNLIMITED = new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 0);

    public CampaignRules(SendWindow window, Integer dailyLimit, Map<String, Integer> mailboxDailyLimits,
                         int sendGapMinutes) {
        this(window, dailyLimit, mailboxDailyLimits, sendGapMinutes, DEFAULT_REASSIGN_AFTER_TICKS, false);
    }

    public CampaignRules {
        window = window == null ? SendWindow.ALWAYS : window;
        policies = policies == null ? com.superkabe.sequencer.domain.policy.PolicySettings.DEFAULT : policies;
        mailboxDailyLimits = mailboxDailyLimits == null ? Map.of() : Map.copyOf(mailboxDailyLimits);
        if (dailyLimit != null && dailyLimit < 1) {
            throw new IllegalArgumentException("dailyLimit must be >= 1");
        }
        if (mailboxDailyLimits.values().stream().anyMatch(v -> v == null || v < 1)) {
            throw new IllegalArgumentException("mailbox daily limits must be >= 1");
        }
        if (reassignAfterTicks < 1) {
            throw new IllegalArgumentException("reassignAfterTicks must be >= 1");
        }
        if (sendGapMinutes < 0) {
            throw new IllegalArgumentException("sendGapMinutes must be >= 0");
        }
    }
}
