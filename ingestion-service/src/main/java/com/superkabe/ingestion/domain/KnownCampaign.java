package com.superkabe.ingestion.domain;

/** A campaign as ingestion knows it from the sequencer's campaign events: its organization and status. */
public record KnownCampaign(String campaignId, String orgId, String status) {

    /** The status a campaign takes leads in. */
    public static final String ACTIVE = "ACTIVE";

    public boolean active() {
        return ACTIVE.equals(status);
    }
}
