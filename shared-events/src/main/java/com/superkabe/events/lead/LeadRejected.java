package com.superkabe.events.lead;

import com.superkabe.events.Require;
import java.util.List;

/** A lead failed the ingestion gate; it is never stored as a valid lead. Reasons are human-readable. */
public record LeadRejected(String orgId, String email, String campaignId, List<Reason> reasons, String channel)
        implements LeadEvent {
    public LeadRejected {
        Require.text(orgId, "orgId");
        reasons = List.copyOf(reasons);
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("reasons must not be empty");
        }
    }

    /** One failed check: a stable code ({@code syntax}, {@code disposable}, ...) and a diagnosis. */
    public record Reason(String code, String field, String detail) {
    }

    @Override
    public String subject() {
        return email == null ? "unknown" : email;
    }

    @Override
    public String partitionKey() {
        return orgId;
    }
}
