package com.superkabe.events.gate;

import com.superkabe.events.Require;

/** The lead fields the sequencer needs to personalise and address mail, carried with the decision. */
public record LeadSnapshot(String leadId, String email, String firstName, String lastName, String company,
                           String title) {
    public LeadSnapshot {
        Require.text(leadId, "leadId");
        Require.text(email, "email");
    }
}
