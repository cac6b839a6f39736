package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.ingestion.domain.EnrolmentDecider.Decision;
import com.superkabe.ingestion.domain.EnrolmentDecider.LeadFacts;
import com.superkabe.ingestion.domain.EnrolmentDecider.Outcome;
import com.superkabe.ingestion.domain.EnrolmentDecider.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnrolmentDeciderTest {

    private static final KnownCampaign ACTIVE = new KnownCampaign("c-2", "org-1", "ACTIVE");

    @Test
    void refusesACampaignItDoesNotKnowAsNotFound() {
        Decision d = EnrolmentDecider.decide("org-1", "c-9", null, List.of("l-1"), Map.of());

        assertThat(d).isEqualTo(new Decision.CampaignNotFound("c-9"));
    }

    @Test
    void refusesAnotherOrganizationsCampaignAsNotFoundSoItsExistenceStaysHidden() {
        Decision d = EnrolmentDecider.decide("org-2", "c-2", ACTIVE, List.of("l-1"), Map.of());

        assertThat(d).isEqualTo(new Decision.CampaignNotFound("c-2"));
    }

    @Test
    void refusesACampaignThatIsNotActiveNamingItsStatus() {
        for (String status : List.of("PAUSED", "DRAFT", "COMPLETED")) {
            Decision d = EnrolmentDecider.decide("org-1", "c-2", new KnownCampaign("c-2", "org-1", status),
                    List.of("l-1"), Map.of("l-1", new LeadFacts("org-1", LeadStatus.STORED, false)));

            assertThat(d).isEqualTo(new Decision.CampaignNotActive("c-2", status));
        }
    }

    @Test
    void decidesEachLeadInRequestOrder() {
        Map<String, LeadFacts> leads = Map.of(
                "stored", new LeadFacts("org-1", LeadStatus.STORED, false),
                "completed-elsewhere", new LeadFacts("org-1", LeadStatus.COMPLETED, false),
                "enrolled", new LeadFacts("org-1", LeadStatus.ACTIVE, true),
                "unsubscribed", new LeadFacts("org-1", LeadStatus.UNSUBSCRIBED, false),
                "bounced", new LeadFacts("org-1", LeadStatus.BOUNCED, false),
                "theirs", new LeadFacts("org-2", LeadStatus.STORED, false));

        Decision d = EnrolmentDecider.decide("org-1", "c-2", ACTIVE, List.of("stored", "completed-elsewhere",
                "enrolled", "unsubscribed", "bounced", "theirs", "unknown", "stored"), leads);

        assertThat(d).isEqualTo(new Decision.Decided(List.of(
                new Outcome("stored", Result.ENROLLED),
                new Outcome("completed-elsewhere", Result.ENROLLED),
                new Outcome("enrolled", Result.ALREADY_ENROLLED),
                new Outcome("unsubscribed", Result.SUPPRESSED),
                new Outcome("bounced", Result.SUPPRESSED),
                new Outcome("theirs", Result.NOT_FOUND),
                new Outcome("unknown", Result.NOT_FOUND),
                new Outcome("stored", Result.ALREADY_ENROLLED))));
        assertThat(((Decision.Decided) d).enrolled()).containsExactly("stored", "completed-elsewhere");
    }

    @Test
    void aResubmissionEnrolsOnlyIntoACampaignTheLeadIsNotInAndNeverASuppressedOne() {
        assertThat(Resubmission.decide(LeadStatus.HELD, false, "c-2", false)).isEqualTo(Resubmission.ENROL);
        assertThat(Resubmission.decide(LeadStatus.HELD, false, "c-1", true)).isEqualTo(Resubmission.DUPLICATE);
        assertThat(Resubmission.decide(LeadStatus.STORED, false, null, false)).isEqualTo(Resubmission.DUPLICATE);
        assertThat(Resubmission.decide(LeadStatus.BOUNCED, false, "c-2", false)).isEqualTo(Resubmission.SUPPRESSED);
        assertThat(Resubmission.decide(LeadStatus.BOUNCED, true, "c-1", true)).isEqualTo(Resubmission.ANNOUNCE_AGAIN);
    }

    @Test
    void aLeadWithoutACampaignIsStoredAndEnrolmentHoldsItForTheGate() {
        assertThat(LeadStatus.ofNewLead(null)).isEqualTo(LeadStatus.STORED);
        assertThat(LeadStatus.ofNewLead("c-1")).isEqualTo(LeadStatus.HELD);
        assertThat(LeadStatus.STORED.enrolled()).isEqualTo(LeadStatus.HELD);
        assertThat(LeadStatus.COMPLETED.enrolled()).isEqualTo(LeadStatus.COMPLETED);
    }

    @Test
    void anEnrolmentsStatusOnlyMovesForwardWhateverOrderItsFactsArriveIn() {
        EnrolmentStatus late = EnrolmentStatus.REQUESTED.evolve(EnrolmentStatus.ENROLLED)
                .evolve(EnrolmentStatus.COMPLETED).evolve(EnrolmentStatus.ALLOWED);

        assertThat(late).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(EnrolmentStatus.BLOCKED.evolve(EnrolmentStatus.ALLOWED)).isEqualTo(EnrolmentStatus.ALLOWED);
        assertThat(EnrolmentStatus.REPLIED.evolve(EnrolmentStatus.COMPLETED)).isEqualTo(EnrolmentStatus.REPLIED);
    }
}
