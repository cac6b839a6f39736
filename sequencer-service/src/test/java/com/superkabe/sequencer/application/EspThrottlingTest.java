package com.superkabe.sequencer.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.dispatch.MailboxEspThrottleChanged;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.lead.RecipientEsp;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.dispatch.CampaignRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given a mailbox sending to several ESPs, when one ESP defers its mail, then only its rate to that ESP is cut. */
class EspThrottlingTest {

    private static final Instant T0 = Instant.parse("2026-03-03T10:00:00Z");
    private final List<Envelope> inputs = new ArrayList<>();
    private long tick;

    @Test
    void aDeferralFromGoogleHalvesTheMailboxsRateToGoogleOnlyAndAnHourOfQuietLiftsIt() {
        input(new OrganizationMailingAddressSet("org-1", "Acme Inc., 1 Main St, Springfield"));
        CampaignDef c = new CampaignDef("org-1", "c-1", "c-1", "ACTIVE", List.of("mb-1"),
                List.of(new StepTemplate("Hi", "b", 0)), CampaignRules.UNLIMITED);
        for (int i = 0; i < 10; i++) {
            enroll("g" + i, RecipientEsp.GOOGLE);
        }
        tick();
        SendRequested deferred = sends(Replayer.replay(inputs, List.of(c), new InMemoryRuns())).getFirst();
        input(new EmailSendFailed("org-1", deferred.sendId(), deferred.runId(), "c-1", deferred.leadId(), "mb-1", 0,
                deferred.toAddress(), "TRANSIENT", 451, "4.7.28 rate limited, try later", deferred.tick(),
                SendFailureClass.TRANSIENT, null));
        for (int i = 0; i < 4; i++) {
            enroll("later-g" + i, RecipientEsp.GOOGLE);
        }
        enroll("m0", RecipientEsp.MICROSOFT);
        tick();

        InMemoryRuns throttled = new InMemoryRuns();
        List<SendRequested> afterDeferral = sends(Replayer.replay(inputs, List.of(c), throttled)).stream()
                .filter(s -> s.tick() == tick).toList();
        assertThat(afterDeferral).extracting(SendRequested::toAddress).containsExactly("m0@example.com");
        assertThat(throttled.dispatchDecisions()).singleElement().isInstanceOfSatisfying(
                MailboxEspThrottleChanged.class, e -> {
                    assertThat(e.esp()).isEqualTo(RecipientEsp.GOOGLE);
                    assertThat(e.level()).isEqualTo(1);
                    assertThat(e.hourlyLimit()).isEqualTo(5);
                    assertThat(e.reason()).contains("451").contains("10 in the last hour -> 5/h");
                });

        for (int i = 0; i < 60; i++) {
            tick();
        }
        InMemoryRuns recovered = new InMemoryRuns();
        Map<String, List<RunEvent>> history = Replayer.replay(inputs, List.of(c), recovered);
        assertThat(recovered.dispatchDecisions()).hasSize(2).last().isInstanceOfSatisfying(
                MailboxEspThrottleChanged.class, e -> {
                    assertThat(e.level()).isZero();
                    assertThat(e.hourlyLimit()).isNull();
                    assertThat(e.reason()).startsWith("no deferral from GOOGLE for 60 ticks");
                });
        assertThat(sends(history)).extracting(SendRequested::toAddress).contains("later-g0@example.com",
                "later-g3@example.com");
    }

    private void enroll(String leadId, RecipientEsp esp) {
        input(new LeadGateAllowed("org-1", "c-1", new LeadSnapshot(leadId, leadId + "@example.com", "Ada", null, null,
                null, "GREEN", esp), "ENFORCE", List.of()));
    }

    private void tick() {
        tick++;
        input(new ClockTicked(tick, T0.plusSeconds(60 * tick), 60));
    }

    private void input(SuperkabeEvent payload) {
        inputs.add(TestInputs.envelope(inputs.size(), payload));
    }

    private static List<SendRequested> sends(Map<String, List<RunEvent>> history) {
        return TestInputs.sends(history);
    }
}
