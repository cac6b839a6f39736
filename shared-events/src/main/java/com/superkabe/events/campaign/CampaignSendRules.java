package com.superkabe.events.campaign;

import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.SendPolicy;
import java.util.List;

/**
 * What a campaign imposes on its sends, as the sequencer decides with it: the send window
 * ({@code timeZone}, {@code windowStart}/{@code windowEnd} as {@code HH:mm}, null for all day, and the
 * {@code days} of the week), the campaign's daily limit (null: none), per-mailbox overrides, the send gap,
 * the ticks before a run moves off a mailbox that cannot send, EU compliance mode and the action chosen
 * for each policy of the gate (absent: the policy's default).
 */
public record CampaignSendRules(String timeZone, String windowStart, String windowEnd, List<String> days,
                                Integer dailyLimit, List<MailboxDailyLimit> mailboxDailyLimits, int sendGapMinutes,
                                long reassignAfterTicks, boolean euComplianceMode, List<PolicyChoice> policies) {
    public CampaignSendRules {
        days = days == null ? List.of() : List.copyOf(days);
        mailboxDailyLimits = mailboxDailyLimits == null ? List.of() : List.copyOf(mailboxDailyLimits);
        policies = policies == null ? List.of() : List.copyOf(policies);
    }

    /** A mailbox's own daily limit in this campaign. */
    public record MailboxDailyLimit(String mailboxId, int dailyLimit) {
    }

    /** The action this campaign chose for one policy. */
    public record PolicyChoice(SendPolicy policy, PolicyAction action) {
    }
}
