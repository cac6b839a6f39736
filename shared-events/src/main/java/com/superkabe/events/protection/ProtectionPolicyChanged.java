package com.superkabe.events.protection;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;
import java.util.List;

/**
 * An organization's protection policy overrides were replaced (ADR 0064): published in the same
 * transaction as the change, on {@code superkabe.protection-modes}. A null field means the
 * service's setting ({@link ProtectionSettingsPublished}); complaint lines are per 100,000 sends;
 * {@code manualOverride} (the manual-override tier, which doubles cooldowns) as stored for the
 * organization. Decisions from the next input on use the new policy.
 */
public record ProtectionPolicyChanged(String orgId, Integer warningBounces, Integer warningWindow,
                                      Integer pauseBounces, Integer pauseWindow, List<Long> cooldownTicks,
                                      Boolean warmNewMailboxes, Integer complaintWarningPer100k,
                                      Integer complaintPausePer100k, Integer complaintMinimumSends,
                                      Integer complaintWindowDays, boolean manualOverride, String actor,
                                      String reason, long tick) implements SuperkabeEvent {

    public ProtectionPolicyChanged {
        Require.text(orgId, "orgId");
        Require.text(actor, "actor");
        if (cooldownTicks != null) {
            if (cooldownTicks.isEmpty() || cooldownTicks.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("cooldownTicks, when given, needs entries and no null");
            }
            cooldownTicks = List.copyOf(cooldownTicks);
        }
    }

    @Override
    public String subject() {
        return orgId;
    }

    @Override
    public String partitionKey() {
        return orgId;
    }
}
