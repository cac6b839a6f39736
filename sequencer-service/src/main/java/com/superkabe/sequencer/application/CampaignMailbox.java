package com.superkabe.sequencer.application;

/** A (campaign, mailbox) pair: the unit of {@code CampaignAccount.daily_limit_override}. */
public record CampaignMailbox(String campaignId, String mailboxId) {
}
