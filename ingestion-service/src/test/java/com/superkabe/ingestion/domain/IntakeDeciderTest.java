package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.lead.LeadIntakeChecked;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IntakeDeciderTest {

    private static final DomainLists LISTS = new DomainLists(Set.of("mailinator.com", "tempmail.io"),
            Set.of("ok.tempmail.io"), Set.of("info", "sales"), Set.of("zip", "xyz"));
    private static final MxCheck MX = MxCheck.of(Map.of(
            "acme.com", MxResult.found("acme.com", List.of("10 mx.acme.com.")),
            "nomx.com", new MxResult(MxResult.Status.NOT_FOUND, "nomx.com has no MX"),
            "slow.com", new MxResult(MxResult.Status.UNKNOWN, "timeout after 300 ms")));

    @ParameterizedTest
    @ValueSource(strings = {"ada@acme.com", "Info+x@acme.com", "a@sub.mailinator.com", "b@ok.tempmail.io",
            "c@tempmail.io", "d@nomx.com", "e@slow.com", "f@acme.zip", "not-an-address", "g@example.invalid",
            "h@unasked.org", "ünï@acme.com"})
    void theRecordedAnswersDecideAsTheListsPolicyAndDnsTheyWereTakenFrom(String email) {
        for (QualityPolicy policy : List.of(QualityPolicy.DEFAULT, new QualityPolicy(Map.of("role", 30, "tld", 20),
                70, 40, Set.of("com"), true, true, true))) {
            LeadCandidate lead = new LeadCandidate("org-1", email, "Ada", null, null, null, "c-1");

            Verdict direct = IngestionGate.judge(lead, LISTS, policy, MX);
            Verdict recorded = IntakeDecider.judge(record(lead, policy));

            assertThat(recorded).as("%s under %s", email, policy).isEqualTo(direct);
        }
    }

    @Test
    void anUnknownOrganizationIsRejectedWhateverTheOtherAnswers() {
        LeadIntakeChecked c = new LeadIntakeChecked("org-x", "e-1", "kafka", "ada@acme.com", null, null, null, null,
                null, null, false, null, null, null, false, false, null, null);

        assertThat(IntakeDecider.judge(c)).isInstanceOfSatisfying(Verdict.Rejected.class,
                r -> assertThat(r.reasons().getFirst().code()).isEqualTo("organization"));
    }

    @Test
    void aStoredLeadsStatusAndEnrolmentDecideTheResubmission() {
        LeadIntakeChecked fresh = record(new LeadCandidate("org-1", "ada@acme.com", null, null, null, null, "c-2"),
                QualityPolicy.DEFAULT);

        assertThat(IntakeDecider.resubmission(fresh)).isNull();
        assertThat(IntakeDecider.resubmission(existing(fresh, "HELD", null, false))).isEqualTo(Resubmission.ENROL);
        assertThat(IntakeDecider.resubmission(existing(fresh, "HELD", null, true))).isEqualTo(Resubmission.DUPLICATE);
        assertThat(IntakeDecider.resubmission(existing(fresh, "BOUNCED", null, false)))
                .isEqualTo(Resubmission.SUPPRESSED);
        assertThat(IntakeDecider.resubmission(existing(fresh, "BOUNCED", "lead", true)))
                .isEqualTo(Resubmission.ANNOUNCE_AGAIN);
    }

    private static LeadIntakeChecked record(LeadCandidate lead, QualityPolicy policy) {
        IntakeDecider.ListAnswers lists = IntakeDecider.listAnswers(lead.email(), LISTS, policy);
        String domain = LeadHealth.mxDomain(lead.email());
        MxResult mx = domain == null ? null : MX.lookup(domain);
        return new LeadIntakeChecked(lead.orgId(), "e-1", "api", lead.email(), lead.firstName(), lead.lastName(),
                lead.company(), lead.title(), lead.campaignId(), lead.leadScore(), true, IntakeDecider.answer(mx),
                mx == null ? null : mx.detail(), lists.disposableMatch(), lists.roleAccount(), lists.suspiciousTld(),
                IntakeDecider.record(policy), null);
    }

    private static LeadIntakeChecked existing(LeadIntakeChecked c, String status, String redelivered, boolean enrolled) {
        return new LeadIntakeChecked(c.orgId(), c.source(), c.channel(), c.email(), c.firstName(), c.lastName(),
                c.company(), c.title(), c.campaignId(), c.leadScore(), c.organizationKnown(), c.mx(), c.mxDetail(),
                c.disposableMatch(), c.roleAccount(), c.suspiciousTld(), c.policy(),
                new LeadIntakeChecked.Existing("lead-1", status, redelivered, enrolled));
    }
}
