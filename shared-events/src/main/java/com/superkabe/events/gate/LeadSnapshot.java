package com.superkabe.events.gate;

import com.superkabe.events.Require;
import com.superkabe.events.lead.RecipientEsp;

/**
 * The lead fields the sequencer needs to personalise, address and route mail, carried with the
 * decision. Optional: {@code health} (GREEN or YELLOW, from the ingestion gate; absent is read as
 * GREEN) for the YELLOW budget, and {@code esp}, the recipient's mailbox provider, for routing
 * (absent is read as UNKNOWN).
 */
public record LeadSnapshot(String leadId, String email, String firstName, String lastName, String company,
                           String title, String health, RecipientEsp esp) {
    public LeadSnapshot {
        Require.text(leadId, "leadId");
        Require.text(email, "email");
    }

    /** The version-1 shape, without health and ESP. */
    public LeadSnapshot(String leadId, String email, String firstName, String lastName, String company,
                        String title) {
        this(leadId, email, firstName, lastName, company, title, null, null);
    }

    /** Whether the ingestion gate scored this lead YELLOW (it counts against the YELLOW budget). */
    public boolean yellow() {
        return "YELLOW".equalsIgnoreCase(health);
    }

    /** The recipient's ESP, UNKNOWN when it was not resolved. */
    public RecipientEsp espOrUnknown() {
        return esp == null ? RecipientEsp.UNKNOWN : esp;
    }
}
