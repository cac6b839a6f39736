package com.superkabe.sequencer.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.reply.ReplyReceived;
import com.superkabe.events.run.SendRequested;
import com.superkabe.sequencer.application.replay.InMemoryCampaigns;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A campaign is COMPLETED once every run is terminal and a day of ticks passed without a change (ADR 0022). */
class CampaignCompletionTest {

    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
    private final InMemoryRuns runs = new InMemoryRuns();
    private final InMemoryCampaigns campaigns = new InMemoryCampaigns(List.of(new CampaignDef("org-1", "c-1", "c-1",
            "ACTIVE", List.of("mb-1"), List.of(new StepTemplate("Hi", "Hello", 0), new StepTemplate("Again", "Bump", 5)),
            new CampaignRules(SendWindow.ALWAYS, null, Map.of(), 0))));
    private final List<String> completed = new ArrayList<>();
    private final SequencerService sequencer = new SequencerService(new SequencerService.Ports(campaigns, runs, runs,
            runs, runs, runs, runs, runs, runs, runs, runs, runs, (c, cause) -> {
                completed.add(c.campaignId());
                campaigns.changeStatus(c.campaignId(), "COMPLETED");
            }), DispatchPaging.DEFAULT, SendingSettings.DEFAULT, DispatchObserver.NONE);
    private int index;
    private long tick;

    private void input(SuperkabeEvent payload) {
        sequencer.onInput(TestInputs.envelope(index++, payload));
    }

    private void ticks(long n) {
        for (long i = 0; i < n; i++) {
            tick++;
            input(new ClockTicked(tick, T0.plusSeconds(60 * tick), 60));
        }
    }

    private SendRequested lastSend() {
        return TestInputs.sends(runs.history()).getLast();
    }

    @Test
    void aCampaignWhoseRunsAllEndedIsCompletedAfterADayWithoutChangeAndNotBefore() {
        input(new OrganizationMailingAddressSet("org-1", "Acme, 1 Main St, Springfield, IL 62701"));
        input(new LeadGateAllowed("org-1", "c-1", new LeadSnapshot("lead-1", "ada@example.com", "Ada", null, null, null),
                "ENFORCE", List.of()));
        ticks(1);
        SendRequested first = lastSend();
        input(new ReplyReceived("org-1", "reply-1", first.mailboxId(), first.sendId(), first.runId(), "lead-1", "<x>",
                "ada@example.com", "Re: Hi"));

        ticks(1_380);
        assertThat(completed).as("not within a day of the last change").isEmpty();
        ticks(120);

        assertThat(completed).containsExactly("c-1");
        assertThat(campaigns.find("c-1").orElseThrow().status()).isEqualTo("COMPLETED");
    }

    @Test
    void aCampaignWithARunStillWaitingIsNotCompleted() {
        input(new OrganizationMailingAddressSet("org-1", "Acme, 1 Main St, Springfield, IL 62701"));
        input(new LeadGateAllowed("org-1", "c-1", new LeadSnapshot("lead-1", "ada@example.com", "Ada", null, null, null),
                "ENFORCE", List.of()));
        ticks(1);
        input(new com.superkabe.events.campaign.RunControlRequested("org-1", lastSend().runId(), null, "PAUSE", "op",
                "hold"));

        ticks(3_000);

        assertThat(completed).isEmpty();
    }
}
