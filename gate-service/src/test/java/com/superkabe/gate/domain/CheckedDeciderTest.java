package com.superkabe.gate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.LeadGateAllowed;
import com.superkabe.events.gate.LeadGateBlocked;
import com.superkabe.events.gate.LeadGateChecked;
import com.superkabe.events.gate.LeadSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckedDeciderTest {

    private static final LeadSnapshot LEAD = new LeadSnapshot("lead-1", "ada@example.com", "Ada", "L", "AE", "CTO");
    private static final RetryPolicy RETRY = new RetryPolicy(1, 30, 3);

    @Test
    void aRecordedViewDecidesAsTheViewItDescribes() {
        GateView view = view("org-1", "paused", Mode.ENFORCE);
        LeadGateChecked checked = CheckedDecider.record("org-1", "c-1", LEAD, "t", 5, 0, view, RETRY);

        CheckedDecider.Decided d = CheckedDecider.decide(checked);

        GateDecision direct = GateDecider.decide("org-1", "c-1", view);
        assertThat(d.outcome()).isEqualTo(LeadGateDecider.decide("lead-1", direct, Mode.ENFORCE, 0, RETRY, 5));
        assertThat(d.event()).isInstanceOfSatisfying(LeadGateBlocked.class, b -> {
            assertThat(b.failureClass()).isEqualTo("HEALTH_ISSUE");
            assertThat(b.checks()).isEqualTo(direct.checks());
        });
    }

    @Test
    void anotherOrganizationsCampaignIsRecordedAsAbsentAndDecidedAsNotConfigured() {
        GateView view = view("org-2", "healthy", Mode.ENFORCE);

        LeadGateChecked checked = CheckedDecider.record("org-1", "c-1", LEAD, "t", 5, 0, view, RETRY);

        assertThat(checked.campaign()).isNull();
        assertThat(checked.mailboxes()).isEmpty();
        assertThat(CheckedDecider.decide(checked).event()).isInstanceOfSatisfying(LeadGateBlocked.class,
                b -> assertThat(b.reason()).contains("is not configured"));
    }

    @Test
    void theReplaysAttemptCountDecidesWhenItDiffersFromTheRecord() {
        GateView stale = new GateView(Optional.of(new CampaignView("org-1", "c-1", "ACTIVE", List.of("mb-1"))),
                Map.of("mb-1", mailbox("healthy")), Map.of(), Mode.ENFORCE, 50, 10);
        LeadGateChecked checked = CheckedDecider.record("org-1", "c-1", LEAD, "t", 5, 0, stale, RETRY);

        assertThat(CheckedDecider.decide(checked).outcome().next()).isEqualTo(LeadGateState.RETRYING);
        assertThat(CheckedDecider.decide(checked, 2).outcome().next()).isEqualTo(LeadGateState.PAUSED);
    }

    @Test
    void observeModeIsReadFromTheRecord() {
        LeadGateChecked checked = CheckedDecider.record("org-1", "c-1", LEAD, "t", 5, 0,
                view("org-1", "paused", Mode.OBSERVE), RETRY);

        assertThat(CheckedDecider.decide(checked).event()).isInstanceOfSatisfying(LeadGateAllowed.class,
                a -> assertThat(a.observedFailureClass()).isEqualTo("HEALTH_ISSUE"));
    }

    private static GateView view(String campaignOrg, String state, Mode mode) {
        return new GateView(Optional.of(new CampaignView(campaignOrg, "c-1", "ACTIVE", List.of("mb-1"))),
                Map.of("mb-1", mailbox(state)), Map.of("acme.test", "healthy"), mode, 0, 10);
    }

    private static MailboxHealth mailbox(String state) {
        return new MailboxHealth("mb-1", "acme.test", state, "bounce_threshold",
                new RiskScore.Inputs(10, 0, 0, 1, 50, 0));
    }
}
