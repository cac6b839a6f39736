package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A campaign's configuration: its mailbox pool, its sequence of steps in each version and its sending
 * rules (window, daily limits, send gap, policy actions; {@link CampaignRules#UNLIMITED} when none were
 * given). {@code steps} is version 1, {@code laterVersions} the edits (2, 3, …); {@code enrolVersion} the
 * version new runs start with, as the ordered input last read it. A run keeps its version for life.
 */
public record CampaignDef(String orgId, String campaignId, String name, String status, List<String> mailboxIds,
                          List<StepTemplate> steps, CampaignRules rules, Map<Integer, List<StepTemplate>> laterVersions,
                          int enrolVersion) {
    public CampaignDef {
        mailboxIds = List.copyOf(mailboxIds);
        steps = List.copyOf(steps);
        rules = rules == null ? CampaignRules.UNLIMITED : rules;
        TreeMap<Integer, List<StepTemplate>> versions = new TreeMap<>();
        (laterVersions == null ? Map.<Integer, List<StepTemplate>>of() : laterVersions)
                .forEach((v, s) -> versions.put(v, List.copyOf(s)));
        laterVersions = java.util.Collections.unmodifiableMap(versions);
        enrolVersion = Math.max(1, enrolVersion);
    }

    public CampaignDef(String orgId, String campaignId, String name, String status, List<String> mailboxIds,
                       List<StepTemplate> steps, CampaignRules rules) {
        this(orgId, campaignId, name, status, mailboxIds, steps, rules, Map.of(), 1);
    }

    public CampaignDef(String orgId, String campaignId, String name, String status, List<String> mailboxIds,
                       List<StepTemplate> steps) {
        this(orgId, campaignId, name, status, mailboxIds, steps, CampaignRules.UNLIMITED);
    }

    /** The steps of {@code version} (version 1 for an unknown one, as runs enrolled before versions). */
    public List<StepTemplate> stepsOf(int version) {
        return laterVersions.getOrDefault(version, steps);
    }

    /** The steps new runs start with. */
    public List<StepTemplate> enrolSteps() {
        return stepsOf(enrolVersion);
    }

    /** The newest version there is. */
    public int latestVersion() {
        return laterVersions.keySet().stream().max(Integer::compare).orElse(1);
    }

    /** The wait before {@code step} of {@code version}; 0 past the last step. */
    public long delayBefore(int version, int step) {
        List<StepTemplate> s = stepsOf(version);
        return step < s.size() ? s.get(step).delayTicks() : 0;
    }

    /** The wait before {@code step} of the version new runs start with. */
    public long delayBefore(int step) {
        return delayBefore(enrolVersion, step);
    }

    public CampaignDef withStatus(String next) {
        return new CampaignDef(orgId, campaignId, name, next, mailboxIds, steps, rules, laterVersions, enrolVersion);
    }

    public CampaignDef withVersion(int version, List<StepTemplate> versionSteps) {
        Map<Integer, List<StepTemplate>> more = new TreeMap<>(laterVersions);
        more.put(version, versionSteps);
        return new CampaignDef(orgId, campaignId, name, status, mailboxIds, steps, rules, more, enrolVersion);
    }

    public CampaignDef enrollingWith(int version) {
        return new CampaignDef(orgId, campaignId, name, status, mailboxIds, steps, rules, laterVersions, version);
    }
}
