package com.superkabe.gate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.CheckOutcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GateDeciderTest {

    private static final CampaignView ACTIVE = new CampaignView("org-1", "c-1", "ACTIVE", List.of("mb-1"));

    @Test
    void allowsALeadWhoseCampaignIsConfiguredActiveAndHasAMailbox() {
        GateDecision d = GateDecider.decide("org-1", "c-1", Optional.of(ACTIVE));

        assertThat(d).isInstanceOf(GateDecision.Allowed.class);
        assertThat(d.checks()).extracting(CheckOutcome::result).containsExactly("YES", "YES", "YES", "N/A", "N/A");
    }

    @Test
    void holdsALeadWhoseCampaignIsUnknownAsADeferrableSyncIssueAndSkipsLaterChecks() {
        GateDecision d = GateDecider.decide("org-1", "c-9", Optional.empty());

        assertThat(d).isInstanceOfSatisfying(GateDecision.Blocked.class, b -> {
            assertThat(b.failureClass()).isEqualTo(FailureClass.SYNC_ISSUE);
            assertThat(b.failureClass().deferrable()).isTrue();
            assertThat(b.failureClass().retryable()).isFalse();
            assertThat(b.reason()).contains("c-9");
        });
        assertThat(d.checks()).extracting(CheckOutcome::check).containsExactly("campaign_exists", "campaign_active",
                "mailbox_available", "domain_healthy", "risk_acceptable");
        assertThat(d.checks()).extracting(CheckOutcome::result).containsExactly("NO", "N/A", "N/A", "N/A", "N/A");
    }

    @Test
    void treatsAnotherOrganizationsCampaignAsNonexistent() {
        GateDecision d = GateDecider.decide("org-2", "c-1", Optional.of(ACTIVE));

        assertThat(d).isInstanceOf(GateDecision.Blocked.class);
        assertThat(d.checks().getFirst().result()).isEqualTo("NO");
    }

    @Test
    void blocksALeadOfAPausedCampaignAtTheSecondCheck() {
        GateDecision d = GateDecider.decide("org-1", "c-1",
                Optional.of(new CampaignView("org-1", "c-1", "PAUSED", List.of("mb-1"))));

        assertThat(d.checks()).extracting(CheckOutcome::result).containsExactly("YES", "NO", "N/A", "N/A", "N/A");
    }
}
