package com.superkabe.events.protection;

import com.superkabe.events.Require;

/**
 * In SUGGEST mode, what protection would have enforced: move {@code entityType} ("mailbox" or
 * "domain") {@code entityId} from {@code currentState} to {@code recommendedState}. The matching
 * state change is published too, with enforced false.
 */
public record ProtectionRecommended(String orgId, String entityType, String entityId, String domain,
                                    String currentState, String recommendedState, String trigger, String reason,
                                    long tick) implements ProtectionAlert {
    public ProtectionRecommended {
        Require.text(orgId, "orgId");
        Require.text(entityType, "entityType");
        Require.text(entityId, "entityId");
        Require.text(recommendedState, "recommendedState");
        Require.text(reason, "reason");
    }

    @Override
    public String subject() {
        return entityId;
    }
}
