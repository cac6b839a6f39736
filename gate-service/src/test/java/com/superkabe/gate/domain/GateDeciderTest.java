package com.superkabe.gate.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.CheckOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given a view, when a lead asks to enrol, then these checks and this outcome. */
class GateDeciderTest {

    private static final RiskScore.Inputs CLEAN = new RiskScore.Inputs(100, 0, 0, 0, 50, 0);
    private static final CampaignView CAMPAIGN = new CampaignView("org-1", "c-1", "ACTIVE", List.of("m1", "m2", "m3"));

    private static GateView view(Optional<CampaignView> campaign, Map<String, MailboxHealth> mailboxes,
                                 Map<String, String> domains) {
        return new GateView(campaign, mailboxes, domains, Mode.ENFORCE, 0, 10);
    }

    private static Map<String, MailboxHealth> mailboxes(String state, String trigger, RiskScore.Inputs risk) {
        Map<String, MailboxHealth> m = new HashMap<>();
        for (String id : List.of("m1", "m2", "m3")) {
            m.put(id, new MailboxHealth(id, "acme.test", state, trigger, risk));
        }
        return m;
    }

    private static List<String> rendered(GateDecision d) {
        return d.checks().stream().map(c -> c.check() + " " + c.result() + " (" + c.detail() + ")").toList();
    }

    @Test
    void reproducesTheSeedsAllowedFlow() {
        // 3 healthy mailboxes: two at 3 % bounces (hardScore 45), one at 1 % (15): avgHardScore 35
        Map<String, MailboxHealth> three = mailboxes("healthy", null, new RiskScore.Inputs(100, 3, 3, 0, 50, 0));
        three.put("m3", new MailboxHealth("m3", "acme.test", "healthy", null, new RiskScore.Inputs(100, 1, 1, 0, 50, 0)));
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(CAMPAIGN), three,
                Map.of("acme.test", "healthy")));

        assertThat(d).isInstanceOf(GateDecision.Allowed.class);
        assertThat(rendered(d)).containsExactly(
                "campaign_exists YES (campaign c-1 is configured)",
                "campaign_active YES (campaign is ACTIVE)",
                "mailbox_available YES (3 healthy mailboxes found)",
                "domain_healthy YES (domain in 'active' state)",
                "risk_acceptable YES (avgHardScore: 35, threshold: 60)");
    }

    @Test
    void reproducesTheSeedsBlockedFlow() {
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(CAMPAIGN),
                mailboxes("paused", "bounce_threshold", CLEAN), Map.of()));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Blocked.class, b -> {
            assertThat(b.failureClass()).isEqualTo(FailureClass.HEALTH_ISSUE);
            assertThat(b.reason()).isEqualTo("No healthy mailboxes available. 3 paused due to bounce threshold.");
            assertThat(b.failureClass().retryable()).isFalse();
            assertThat(b.failureClass().deferrable()).isFalse();
        });
        assertThat(d.checks()).extracting(CheckOutcome::result).containsExactly("YES", "YES", "NO", "N/A", "N/A");
        assertThat(d.checks().get(2).detail()).isEqualTo("all 3 mailboxes paused");
    }

    @Test
    void saysSoWhenTheCampaignsOnlyMailboxIsPaused() {
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(new CampaignView("org-1", "c-1", "ACTIVE",
                List.of("m1"))), mailboxes("paused", "bounce_threshold", CLEAN), Map.of()));

        assertThat(d.checks().get(2).detail()).isEqualTo("the campaign's only mailbox is paused");
        assertThat(((GateDecision.Blocked) d).reason())
                .isEqualTo("No healthy mailboxes available. 1 paused due to bounce threshold.");
    }

    @Test
    void holdsALeadWhoseCampaignIsUnknownAsADeferrableSyncIssue() {
        GateDecision d = GateDecider.decide("org-1", "c-9", view(Optional.empty(), Map.of(), Map.of()));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Blocked.class,
                b -> assertThat(b.failureClass()).isEqualTo(FailureClass.SYNC_ISSUE));
        assertThat(d.checks()).extracting(CheckOutcome::result).containsExactly("NO", "N/A", "N/A", "N/A", "N/A");
    }

    @Test
    void treatsAnotherOrganizationsCampaignAsNonexistent() {
        GateDecision d = GateDecider.decide("org-2", "c-1", view(Optional.of(CAMPAIGN), mailboxes("healthy", null, CLEAN),
                Map.of()));

        assertThat(d.checks().getFirst().result()).isEqualTo("NO");
    }

    @Test
    void holdsALeadOfAPausedCampaignAsASyncIssue() {
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(new CampaignView("org-1", "c-1", "PAUSED",
                List.of("m1"))), mailboxes("healthy", null, CLEAN), Map.of()));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Blocked.class,
                b -> assertThat(b.failureClass()).isEqualTo(FailureClass.SYNC_ISSUE));
        assertThat(d.checks()).extracting(CheckOutcome::result).containsExactly("YES", "NO", "N/A", "N/A", "N/A");
    }

    @Test
    void holdsALeadWhoseMailboxesAreNotKnownYetAsASyncIssue() {
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(CAMPAIGN), Map.of(), Map.of()));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Blocked.class,
                b -> assertThat(b.failureClass()).isEqualTo(FailureClass.SYNC_ISSUE));
    }

    @Test
    void retriesAsAnInfraIssueWhenTheProtectionViewIsStale() {
        GateDecision d = GateDecider.decide("org-1", "c-1", new GateView(Optional.of(CAMPAIGN),
                mailboxes("healthy", null, CLEAN), Map.of(), Mode.ENFORCE, 11, 10));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Blocked.class, b -> {
            assertThat(b.failureClass()).isEqualTo(FailureClass.INFRA_ISSUE);
            assertThat(b.failureClass().retryable()).isTrue();
        });
        assertThat(d.checks().get(2).result()).isEqualTo("UNKNOWN");
    }

    @Test
    void blocksAsAHealthIssueWhenEveryUsableMailboxIsOnAPausedDomain() {
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(CAMPAIGN), mailboxes("healthy", null, CLEAN),
                Map.of("acme.test", "paused")));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Blocked.class,
                b -> assertThat(b.failureClass()).isEqualTo(FailureClass.HEALTH_ISSUE));
        assertThat(d.checks()).extracting(CheckOutcome::result).containsExactly("YES", "YES", "YES", "NO", "N/A");
    }

    @Test
    void usesOnlyTheUsableMailboxesAndDescribesTheMix() {
        Map<String, MailboxHealth> m = mailboxes("healthy", null, CLEAN);
        m.put("m3", new MailboxHealth("m3", "acme.test", "paused", "bounce_threshold", CLEAN));
        m.put("m2", new MailboxHealth("m2", "acme.test", "warning", "bounce_threshold", CLEAN));

        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(CAMPAIGN), m, Map.of()));

        assertThat(d.checks().get(2).detail()).isEqualTo("2 usable mailboxes found (1 healthy, 1 warning)");
    }

    @Test
    void blocksWhenTheAverageHardRiskReachesTheThreshold() {
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(CAMPAIGN),
                mailboxes("healthy", null, new RiskScore.Inputs(100, 5, 5, 0, 50, 0)), Map.of()));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Blocked.class,
                b -> assertThat(b.failureClass()).isEqualTo(FailureClass.HEALTH_ISSUE));
        assertThat(d.checks().get(4).detail()).isEqualTo("avgHardScore: 65, threshold: 60");
    }

    @Test
    void allowsHighVelocityWithoutBouncesButRecordsASoftWarning() {
        // 0 % bounces, 4 × the even hourly pace (50/day ≈ 2.08/h → 9 sends in the last hour)
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(CAMPAIGN),
                mailboxes("healthy", null, new RiskScore.Inputs(100, 0, 0, 9, 50, 0)), Map.of()));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Allowed.class,
                a -> assertThat(a.warnings()).singleElement().asString().startsWith("SOFT_WARNING"));
    }

    @Test
    void allowsButWarnsAtAHardRiskBetweenFortyAndSixty() {
        GateDecision d = GateDecider.decide("org-1", "c-1", view(Optional.of(CAMPAIGN),
                mailboxes("healthy", null, new RiskScore.Inputs(100, 3, 3, 0, 50, 0)), Map.of()));

        assertThat(d).isInstanceOfSatisfying(GateDecision.Allowed.class,
                a -> assertThat(a.warnings()).singleElement().asString().startsWith("HARD_RISK_WARNING"));
    }
}
