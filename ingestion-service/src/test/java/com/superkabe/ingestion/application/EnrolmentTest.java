package com.superkabe.ingestion.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.Envelope;
import com.superkabe.events.EventType;
import com.superkabe.events.Service;
import com.superkabe.events.campaign.CampaignCreated;
import com.superkabe.events.campaign.CampaignStatusChanged;
import com.superkabe.events.lead.LeadAccepted;
import com.superkabe.events.lead.LeadSubmitted;
import com.superkabe.ingestion.domain.EnrolmentDecider.Decision;
import com.superkabe.ingestion.domain.EnrolmentDecider.Outcome;
import com.superkabe.ingestion.domain.EnrolmentDecider.Result;
import com.superkabe.ingestion.domain.LeadStatus;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.kit.kafka.Envelopes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dedupe per (campaign, lead): a stored lead is enrolled into another campaign by a second
 * submission naming it or by the enrolment endpoint's use case, and each new pair is announced
 * once as a LeadAccepted for the target campaign with the stored lead's data.
 */
class EnrolmentTest {

    private static final Instant T0 = Instant.parse("2026-11-22T00:00:00Z");
    private final InMemoryLeads leads = new InMemoryLeads();
    private final InMemoryEnrolments enrolments = new InMemoryEnrolments();
    private final InMemoryCampaigns campaigns = new InMemoryCampaigns();
    private final List<Envelope> published = new ArrayList<>();
    private final Envelopes envelopes = new Envelopes(Service.INGESTION, Clock.fixed(T0, ZoneOffset.UTC));
    private final IntakeService intake = new IntakeService(leads, new KnownOrganizations(new Organizations() {
        @Override
        public boolean exists(String orgId) {
            return orgId.startsWith("org-");
        }

        @Override
        public void insert(String orgId, String name) {
        }
    }), published::addAll, envelopes, new Inputs(MxCheck.DISABLED), enrolments);
    private final EnrolmentService service = new EnrolmentService(leads, enrolments, campaigns,
            new Inputs(MxCheck.DISABLED), published::addAll, envelopes, new TransactionTemplate() {
                @Override
                public <T> T execute(org.springframework.transaction.support.TransactionCallback<T> action) {
                    return action.doInTransaction(null);
                }
            });
    private final CampaignProjector projector = new CampaignProjector(campaigns);

    private static Envelope submitted(String id, String orgId, String email, String firstName, String campaignId) {
        return new Envelope(id, EventType.LEAD_SUBMITTED, "external", T0, orgId, null, id, -1,
                new LeadSubmitted(orgId, email, firstName, null, null, null, campaignId));
    }

    private void campaign(String orgId, String campaignId, String status) {
        projector.on(new Envelope("e-" + campaignId + status, EventType.CAMPAIGN_CREATED, "sequencer-service", T0,
                orgId, null, "e-" + campaignId, -1, new CampaignCreated(orgId, campaignId, campaignId, status, 1,
                List.of("mb-1"))));
    }

    @Test
    void aLeadSubmittedWithoutACampaignIsStoredNotHeld() {
        intake.decideFromTopic(List.of(submitted("e-1", "org-1", "ada@acme.com", "Ada", null)));

        assertThat(leads.status(IntakeService.leadId("org-1", "ada@acme.com"))).isEqualTo(LeadStatus.STORED);
    }

    @Test
    void aSecondSubmissionNamingAnotherCampaignEnrolsTheStoredLeadThere() {
        intake.decideFromTopic(List.of(submitted("e-1", "org-1", "ada@acme.com", "Ada", "c-1")));

        IntakeService.Decided d = intake.decideFromTopic(List.of(submitted("e-2", "org-1", "ADA@acme.com", "Adelaide",
                "c-2")));

        String leadId = IntakeService.leadId("org-1", "ada@acme.com");
        assertThat(d.results()).containsExactly(new Submission.Enrolled(leadId, "c-2"));
        assertThat(d.decisions()).singleElement().satisfies(e -> {
            LeadAccepted a = e.payloadAs(LeadAccepted.class);
            assertThat(a.leadId()).isEqualTo(leadId);
            assertThat(a.campaignId()).isEqualTo("c-2");
            assertThat(a.firstName()).as("the stored lead's data").isEqualTo("Ada");
        });
        assertThat(enrolments.ofLead(leadId)).extracting(Enrolments.View::campaignId).containsExactly("c-1", "c-2");
    }

    @Test
    void aSecondSubmissionNamingTheSameCampaignOrNoneStaysADuplicate() {
        intake.decideFromTopic(List.of(submitted("e-1", "org-1", "ada@acme.com", "Ada", "c-1")));

        IntakeService.Decided same = intake.decideFromTopic(List.of(submitted("e-2", "org-1", "ada@acme.com", "A",
                "c-1")));
        IntakeService.Decided none = intake.decideFromTopic(List.of(submitted("e-3", "org-1", "ada@acme.com", "A",
                null)));

        assertThat(same.results()).singleElement().isInstanceOf(Submission.Duplicate.class);
        assertThat(none.results()).singleElement().isInstanceOf(Submission.Duplicate.class);
        assertThat(same.decisions()).isEmpty();
        assertThat(none.decisions()).isEmpty();
    }

    @Test
    void aRedeliveredEnrollingEventIsAnnouncedAgainUnderTheSameEventId() {
        intake.decideFromTopic(List.of(submitted("e-1", "org-1", "ada@acme.com", "Ada", "c-1")));
        Envelope enrolling = submitted("e-2", "org-1", "ada@acme.com", "Ada", "c-2");
        Envelope first = intake.decideFromTopic(List.of(enrolling)).decisions().getFirst();

        List<Envelope> again = intake.decideFromTopic(List.of(enrolling)).decisions();

        assertThat(again).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo(first.id());
            assertThat(e.payloadAs(LeadAccepted.class).campaignId()).isEqualTo("c-2");
        });
    }

    @Test
    void oneAddressNamingTwoCampaignsInOnePollIsStoredOnceAndAnnouncedForEach() {
        IntakeService.Decided d = intake.decideFromTopic(List.of(
                submitted("e-1", "org-1", "ada@acme.com", "Ada", "c-1"),
                submitted("e-2", "org-1", "ada@acme.com", "Ada", "c-2"),
                submitted("e-3", "org-1", "ada@acme.com", "Ada", "c-2")));

        assertThat(d.decisions()).extracting(e -> e.payloadAs(LeadAccepted.class).campaignId())
                .containsExactly("c-1", "c-2");
        assertThat(d.results().get(2)).isInstanceOf(Submission.Duplicate.class);
    }

    @Test
    void theEndpointsUseCaseEnrolsAStoredLeadOnceAndHoldsItForTheGate() {
        campaign("org-1", "c-2", "ACTIVE");
        intake.submitAll(List.of(new com.superkabe.ingestion.domain.LeadCandidate("org-1", "ada@acme.com", "Ada",
                null, null, null, null)), "api", "r-1");
        String leadId = IntakeService.leadId("org-1", "ada@acme.com");
        published.clear();

        Decision first = service.enrol("org-1", "c-2", List.of(leadId));
        Decision second = service.enrol("org-1", "c-2", List.of(leadId));

        assertThat(first).isEqualTo(new Decision.Decided(List.of(new Outcome(leadId, Result.ENROLLED))));
        assertThat(second).isEqualTo(new Decision.Decided(List.of(new Outcome(leadId, Result.ALREADY_ENROLLED))));
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.payloadAs(LeadAccepted.class).campaignId()).isEqualTo("c-2");
            assertThat(e.payloadAs(LeadAccepted.class).channel()).isEqualTo("enrolment");
        });
        assertThat(leads.status(leadId)).isEqualTo(LeadStatus.HELD);
    }

    @Test
    void theEndpointsUseCaseRefusesAPausedCampaignAndChangesNothing() {
        campaign("org-1", "c-2", "ACTIVE");
        projector.on(new Envelope("e-p", EventType.CAMPAIGN_STATUS_CHANGED, "sequencer-service", T0, "org-1", null,
                "e-p", -1, new CampaignStatusChanged("org-1", "c-2", "ACTIVE", "PAUSED")));
        intake.submitAll(List.of(new com.superkabe.ingestion.domain.LeadCandidate("org-1", "ada@acme.com", "Ada",
                null, null, null, null)), "api", "r-1");
        published.clear();

        Decision d = service.enrol("org-1", "c-2", List.of(IntakeService.leadId("org-1", "ada@acme.com")));

        assertThat(d).isEqualTo(new Decision.CampaignNotActive("c-2", "PAUSED"));
        assertThat(published).isEmpty();
        assertThat(enrolments.ofLead(IntakeService.leadId("org-1", "ada@acme.com"))).isEmpty();
    }

    @Test
    void anEnrolmentFollowsItsGateDecisionAndRunEvenWhenTheGateDecisionArrivesLast() {
        intake.decideFromTopic(List.of(submitted("e-1", "org-1", "ada@acme.com", "Ada", "c-1")));
        String leadId = IntakeService.leadId("org-1", "ada@acme.com");
        LeadStatusProjector projector = new LeadStatusProjector(leads, enrolments);
        var snapshot = new com.superkabe.events.gate.LeadSnapshot(leadId, "ada@acme.com", "Ada", null, null, null);

        projector.on(new Envelope("r-1", EventType.RUN_ENROLLED, "sequencer-service", T0, "org-1", null, "r-1", 5,
                new com.superkabe.events.run.RunEnrolled("org-1", "run-1", "c-1", snapshot, "mb-1", 2, 5, 5)));
        projector.on(new Envelope("r-2", EventType.RUN_COMPLETED, "sequencer-service", T0, "org-1", null, "r-1", 9,
                new com.superkabe.events.run.RunCompleted("org-1", "run-1", 9)));
        projector.on(new Envelope("g-1", EventType.LEAD_GATE_ALLOWED, "gate-service", T0, "org-1", null, "g-1", 4,
                new com.superkabe.events.gate.LeadGateAllowed("org-1", "c-1", snapshot, "ENFORCE", List.of())));

        assertThat(enrolments.ofLead(leadId)).singleElement()
                .satisfies(v -> assertThat(v.status()).isEqualTo("COMPLETED"));
    }
}
