package com.superkabe.events.protection;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * An organization's protection mode changed ({@code from} is null the first time it is set).
 * OBSERVE: transitions are recorded only; SUGGEST: also a {@link ProtectionRecommended}; ENFORCE:
 * a mailbox or domain whose state cannot send is blocked. Organizations that never set a mode are
 * in the service's configured default mode (ENFORCE unless configured otherwise).
 */
public record ProtectionModeChanged(String orgId, String from, String to, String actor, String reason, long tick)
        implements SuperkabeEvent {
    public ProtectionModeChanged {
        Require.text(orgId, "orgId");
        Require.text(to, "to");
        Require.text(actor, "actor");
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
