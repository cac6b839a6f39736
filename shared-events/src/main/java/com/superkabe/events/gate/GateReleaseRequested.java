package com.superkabe.events.gate;

import com.superkabe.events.Require;
import java.util.List;

/**
 * An operator released paused leads (ADR 0047): {@code scope} {@code lead} or {@code campaign},
 * {@code targetId} the lead or campaign named, {@code requestId} the request, {@code released} the
 * (lead, campaign) pairs the gate found paused and decides again right after this record.
 */
public record GateReleaseRequested(String orgId, String scope, String targetId, String requestId,
                                   List<Pair> released) implements com.superkabe.events.SuperkabeEvent {

    public GateReleaseRequested {
        Require.text(orgId, "orgId");
        Require.text(scope, "scope");
        Require.text(targetId, "targetId");
        Require.text(requestId, "requestId");
        released = List.copyOf(released);
    }

    /** One released lead in one campaign. */
    public record Pair(String leadId, String campaignId) {
    }

    @Override
    public String subject() {
        return targetId;
    }

    @Override
    public String partitionKey() {
        return targetId;
    }
}
