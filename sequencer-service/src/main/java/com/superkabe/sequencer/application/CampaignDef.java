package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import java.util.List;

/**
 * A campaign's configuration: its mailbox pool, its sequence of steps and its sending rules (window,
 * daily limits, send gap; {@link CampaignRules#UNLIMITED} when none were given).
 */
public record CampaignDef(String orgId, String campaignId, String name, String status, List<String> mailboxIds,
                          List<StepTemplate> steps, CampaignRules rules) {
    public CampaignDef {
        mailboxIds = List.copyOf(mailboxIds);
        steps = List.copyOf(steps);
        rules = rules == null ? CampaignRules.UNLIMITED : rules;
    }

    public CampaignDef(String orgId, String campaignId, String name, String status, List<String> mailboxIds,
                       List<StepTemplate> steps) {
        this(orgId, campaignId, name, status, mailboxIds, steps, CampaignRules.UNLIMITED);
    }

    public long delayBefore(int step) {
        return step < steps.size() ? steps.get(step).delayTicks() : 0;
    }
}
