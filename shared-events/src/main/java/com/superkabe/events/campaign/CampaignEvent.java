package com.superkabe.events.campaign;

import com.superkabe.events.SuperkabeEvent;

/** Facts about campaigns, written by the sequencer; the gate keeps its own view from them. */
public sealed interface CampaignEvent extends SuperkabeEvent permits CampaignCreated, CampaignStatusChanged, CampaignVersionPublished {
}
