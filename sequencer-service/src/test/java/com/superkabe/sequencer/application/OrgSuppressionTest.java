package com.superkabe.sequencer.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.SuperkabeEvent;
import com.superkabe.events.clock.ClockTicked;
import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunSuppressed;
import com.superkabe.events.run.SendRequested;
import com.superkabe.events.reply.ComplaintReceived;
import com.superkabe.events.reply.EmailBounced;
import com.superkabe.events.send.EmailSendFailed;
import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.events.run.RunSendRetryScheduled;
import com.superkabe.events.send.SendFailureClass;
import com.superkabe.events.send.EmailUnsubscribed;
import com.superkabe.sequencer.application.replay.InMemoryRuns;
import com.superkabe.sequencer.application.replay.Replayer;
import com.superkabe.sequencer.domain.RunStatus;
import com.superkabe.sequencer.domain.StepTemplate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Given ordered inputs, when the sequencer handles them, then org-wide suppression ends the right runs. */
class OrgSuppressionTest {

    private static final List<StepTemplate> STEPS = List.of(new StepTemplate("Hi", "b", 0),
            new StepTemplate("Again", "b", 2));
    private static final List<CampaignDef> CAMPAIGNS = List.of(
            new CampaignDef("org-1", "c-a", "A", "ACTIVE", List.of("mb-1"), STEPS),
            new CampaignDef("org-1", "c-b", "B", "ACTIVE", List.of("mb-1"), STEPS),
            new CampaignDef("org-1", "c-c", "C", "ACTIVE", List.of("mb-1"), STEPS),
            new CampaignDef("org-2", "c-x", "X", "ACTIVE", List.of("mb-2"), STEPS));
    private static final String RUN_A = SequencerService.runId("c-a", "lead-1");
    private static final String RUN_B = SequencerService.runId("c-b", "lead-2");
    private static final String RUN_C = SequencerService.runId("c-c", "lead-3");
    private static final String RUN_X = SequencerService.runId("c-x", "lead-9");

    private final List<Envelope> inputs = new ArrayList<>();
    private final InMemoryRuns runs = new InMemoryRuns();

    {
        input(new OrganizationMailingAddressSet("org-1", "Acme Inc., 1 Main St, Springfield, IL 62701, USA"));
        input(new OrganizationMailingAddressSet("org-2", "Other Ltd., 2 High St, Leeds LS1 1AA, UK"));
    }

    @Test
    void anUnsubscribeEndsItsRunEveryOtherActiveRunOfTheAddressAndLaterEnrolmentsButNotAnotherOrganizations() {
        enroll("org-1", "c-a", "lead-1", "ada@example.com");
        enroll("org-1", "c-b", "lead-2", "Ada@Example.com");
        enroll("org-2", "c-x", "lead-9", "ada@example.com");
        input(new EmailUnsubscribed("org-1", "send-a", RUN_A, "c-a", "lead-1", "mb-1", 0, "ada@example.com", "<m>",
                "ONE_CLICK"));
        enroll("org-1", "c-c", "lead-3", "ada@example.com");
        tick(1);
        tick(5);

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, CAMPAIGNS, runs);

        assertThat(last(history, RUN_A)).isEqualTo(new RunSuppressed("org-1", RUN_A, 0, "UNSUBSCRIBED",
                "unsubscribed (ONE_CLICK)", RUN_A, 0));
        assertThat(last(history, RUN_B)).isEqualTo(new RunSuppressed("org-1", RUN_B, 0, "UNSUBSCRIBED",
                "suppressed: unsubscribed in another campaign (campaign c-a), run " + RUN_A, RUN_A, 0));
        assertThat(history.get(RUN_C)).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("RunEnrolled", "RunSuppressed");
        assertThat(history.values().stream().flatMap(List::stream).filter(SendRequested.class::isInstance)
                .map(RunEvent::runId)).containsExactly(RUN_X);
        assertThat(runs.find(RUN_B).orElseThrow().status()).isEqualTo(RunStatus.UNSUBSCRIBED);
    }

    @Test
    void aHardBounceEndsItsRunAsBouncedAndEndsTheAddressesOtherRunsAsBounced() {
        enroll("org-1", "c-a", "lead-1", "ada@example.com");
        enroll("org-1", "c-b", "lead-2", "ada@example.com");
        tick(1);
        input(new EmailSendFailed("org-1", sendIdOf(RUN_A), RUN_A, "c-a", "lead-1", "mb-1", 0, "ada@example.com",
                "HARD_BOUNCE", 550, "5.1.1 user unknown", 1));

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, CAMPAIGNS, runs);

        assertThat(last(history, RUN_A)).isInstanceOfSatisfying(RunSuppressed.class, x -> {
            assertThat(x.cause()).isEqualTo("BOUNCED");
            assertThat(x.reason()).startsWith("hard bounce (HARD_BOUNCE 550: 5.1.1 user unknown");
        });
        assertThat(runs.find(RUN_A).orElseThrow().status()).isEqualTo(RunStatus.BOUNCED);
        assertThat(last(history, RUN_B)).isInstanceOfSatisfying(RunSuppressed.class, x -> {
            assertThat(x.cause()).isEqualTo("BOUNCED");
            assertThat(x.reason()).isEqualTo("suppressed: hard-bounced in another campaign (campaign c-a), run "
                    + RUN_A);
        });
    }

    @Test
    void aTransientFailureSuppressesNobody() {
        enroll("org-1", "c-a", "lead-1", "ada@example.com");
        enroll("org-1", "c-b", "lead-2", "ada@example.com");
        tick(1);
        input(new EmailSendFailed("org-1", sendIdOf(RUN_A), RUN_A, "c-a", "lead-1", "mb-1", 0, "ada@example.com",
                "TRANSIENT", 421, "try later", 1));
        enroll("org-1", "c-c", "lead-3", "ada@example.com");

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, CAMPAIGNS, runs);

        assertThat(history.get(RUN_B)).noneMatch(RunSuppressed.class::isInstance);
        assertThat(history.get(RUN_C)).noneMatch(RunSuppressed.class::isInstance);
    }

    @Test
    void aRejectionAimedAtTheSenderSendsTheRunBackToRoutingAndSuppressesNobody() {
        enroll("org-1", "c-a", "lead-1", "ada@example.com");
        enroll("org-1", "c-b", "lead-2", "ada@example.com");
        tick(1);
        input(new EmailSendFailed("org-1", sendIdOf(RUN_A), RUN_A, "c-a", "lead-1", "mb-1", 0, "ada@example.com",
                "HARD_BOUNCE", 554, "5.7.1 Client host blocked using zen.spamhaus.org", 1));
        enroll("org-1", "c-c", "lead-3", "ada@example.com");

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, CAMPAIGNS, runs);

        assertThat(last(history, RUN_A)).isInstanceOfSatisfying(RunSendRetryScheduled.class, r -> {
            assertThat(r.failureClass()).isEqualTo(SendFailureClass.SENDER);
            assertThat(r.mailboxId()).isEqualTo("mb-1");
        });
        assertThat(runs.find(RUN_A).orElseThrow().status()).isEqualTo(RunStatus.ACTIVE);
        assertThat(history.get(RUN_B)).noneMatch(RunSuppressed.class::isInstance);
        assertThat(history.get(RUN_C)).noneMatch(RunSuppressed.class::isInstance);
    }

    @Test
    void aHardBounceFoundInTheMailboxAfterDeliveryEndsTheRunAndTheAddressesOtherRuns() {
        enroll("org-1", "c-a", "lead-1", "ada@example.com");
        enroll("org-1", "c-b", "lead-2", "ada@example.com");
        tick(1);
        input(new EmailBounced("org-1", "b-1", "mb-1", sendIdOf(RUN_A), RUN_A, "c-a", "lead-1", "Ada@Example.com",
                "HARD", "5.1.1", 550, "userunknown", "The email account that you tried to reach does not exist",
                "<dsn-1@mx.example.com>", "<m-1@acme.test>"));

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, CAMPAIGNS, runs);

        assertThat(last(history, RUN_A)).isInstanceOfSatisfying(RunSuppressed.class,
                x -> assertThat(x.cause()).isEqualTo("BOUNCED"));
        assertThat(last(history, RUN_B)).isInstanceOfSatisfying(RunSuppressed.class,
                x -> assertThat(x.cause()).isEqualTo("BOUNCED"));
    }

    @Test
    void aSoftBounceFoundInTheMailboxSuppressesNobody() {
        enroll("org-1", "c-a", "lead-1", "ada@example.com");
        tick(1);
        input(new EmailBounced("org-1", "b-2", "mb-1", sendIdOf(RUN_A), RUN_A, "c-a", "lead-1", "ada@example.com",
                "SOFT", "4.2.2", 452, "mailboxfull", "mailbox full", "<dsn-2@mx.example.com>", "<m-1@acme.test>"));

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, CAMPAIGNS, runs);

        assertThat(history.get(RUN_A)).noneMatch(RunSuppressed.class::isInstance);
    }

    @Test
    void aSpamComplaintSuppressesTheAddressLikeAnUnsubscribe() {
        enroll("org-1", "c-a", "lead-1", "ada@example.com");
        enroll("org-1", "c-b", "lead-2", "ada@example.com");
        tick(1);
        input(new ComplaintReceived("org-1", "cp-1", "mb-1", sendIdOf(RUN_A), RUN_A, "c-a", "lead-1",
                "ada@example.com", "abuse", "<arf-1@isp.test>", "<m-1@acme.test>"));

        Map<String, List<RunEvent>> history = Replayer.replay(inputs, CAMPAIGNS, runs);

        assertThat(last(history, RUN_B)).isInstanceOfSatisfying(RunSuppressed.class,
                x -> assertThat(x.cause()).isEqualTo("UNSUBSCRIBED"));
    }

    private static String sendIdOf(String runId) {
        return com.superkabe.sequencer.domain.RunDecider.sendId(runId, 0);
    }

    private static RunEvent last(Map<String, List<RunEvent>> history, String runId) {
        return history.get(runId).getLast();
    }

    private void enroll(String org, String campaign, String leadId, String email) {
        input(new LeadGateAllowed(org, campaign, new LeadSnapshot(leadId, email, "Ada", null, null, null), "ENFORCE",
                List.of()));
    }

    private void tick(long tick) {
        input(new ClockTicked(tick, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(60 * tick), 60));
    }

    private void input(SuperkabeEvent payload) {
        String id = "in-" + inputs.size();
        inputs.add(new Envelope(id, EventType.of(payload), "test", Instant.EPOCH, payload.orgId(), null, id, -1,
                payload));
    }
}
