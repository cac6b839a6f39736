package com.superkabe.sequencer.application;

import com.superkabe.events.Envelope;

/**
 * Port: marks a campaign COMPLETED (every run terminal) and tells the other services, as a
 * {@code CampaignStatusChanged(ACTIVE → COMPLETED)} caused by the input that ended its last run.
 */
public interface CampaignCompletions {

    void complete(CampaignDef campaign, Envelope cause);
}
