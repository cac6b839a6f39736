package com.superkabe.sequencer.replay;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.EmailSent;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.SequencerService;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a history the way production would have seen it: inputs in order, with each send outcome
 * answering the send the sequencer actually requested (found by replaying what was built so far).
 * Used only to record the files under {@code histories/}; the golden test reads the files.
 */
final class Scenario {

    static final String ORG = "org-h";
    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");

    final List<CampaignDef> campaigns = new ArrayList<>();
    final List<Envelope> inputs = new ArrayList<>();
    long tick;

    Scenario campaign(String id, List<String> mailboxes, long reassignAfterTicks, long... delays) {
        List<StepTemplate> steps = new ArrayList<>();
        for (int i = 0; i < delays.length; i++) {
            steps.add(new StepTemplate("Step " + (i + 1) + " for {{firstName}}", "Hello {{firstName}}, {a|b} " + i,
                    delays[i]));
        }
        campaigns.add(new CampaignDef(ORG, id, id, "ACTIVE", mailboxes, steps,
                new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 0, reassignAfterTicks, false)));
        return this;
    }

    Scenario campaign(CampaignDef definition) {
        campaigns.add(definition);
        return this;
    }

    Scenario address() {
        return input(new OrganizationMailingAddressSet(ORG, "History Co., 1 Main St, Springfield, IL 62701"));
    }

    Scenario input(SuperkabeEvent payload) {
        String id = "in-" + inputs.size();
        inputs.add(new Envelope(id, EventType.of(payload), "history", Instant.EPOCH, payload.orgId(), null, id, -1,
                payload));
        return this;
    }

    String enroll(String campaignId, String leadId, RecipientEsp esp, String health) {
        input(new LeadGateAllowed(ORG, campaignId, new LeadSnapshot(leadId, leadId + "@example.com", "Ada", null, null,
                null, health, esp), "ENFORCE", List.of()));
        return SequencerService.runId(campaignId, leadId);
    }

    Scenario tick() {
        tick++;
        return input(new ClockTicked(tick, T0.plusSeconds(60 * tick), 60));
    }

    Scenario ticks(int n) {
        for (int i = 0; i < n; i++) {
            tick();
        }
        return this;
    }

    /** The latest send requested for the run so far. */
    SendRequested lastSend(String runId) {
        return history().getOrDefault(runId, List.of()).stream().filter(SendRequested.class::isInstance)
                .map(SendRequested.class::cast).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no send yet for " + runId));
    }

    Map<String, List<RunEvent>> history() {
        return Replayer.replay(inputs, campaigns, new InMemoryRuns());
    }

    Scenario sent(SendRequested s) {
        return input(new EmailSent(ORG, s.sendId(), s.runId(), s.campaignId(), s.leadId(), s.mailboxId(), s.step(),
                s.toAddress(), "<" + s.sendId() + "@history.test>", s.tick()));
    }

    Scenario failed(SendRequested s, SendFailureClass failure, String kind, int code, String detail) {
        return input(new EmailSendFailed(ORG, s.sendId(), s.runId(), s.campaignId(), s.leadId(), s.mailboxId(),
                s.step(), s.toAddress(), kind, code, detail, s.tick(), failure, null));
    }
}
