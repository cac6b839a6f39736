package com.superkabe.ingestion.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LeadHealthTest {

    private static final DomainLists LISTS = new DomainLists(Set.of("mailinator.com", "tempmail.org"),
            Set.of("ok.mailinator.com"), Set.of("info", "admin", "support"), Set.of("xyz", "tk", "top"));

    private static Assessment assess(String email, QualityPolicy policy, MxCheck mx) {
        return LeadHealth.assess(email, LISTS, policy, mx);
    }

    @Test
    void scoresAPersonalAddressOnAHealthyDomainGreen100WithEveryCheckPassed() {
        Assessment a = assess("ada@acme.com", QualityPolicy.DEFAULT, Fixtures.MX_FOUND);

        assertThat(a.verdict()).isEqualTo("GREEN");
        assertThat(a.score()).isEqualTo(100);
        assertThat(a.checks()).containsOnlyKeys("syntax", "reserved", "mx", "disposable", "role", "tld");
        assertThat(a.checks().values()).allSatisfy(c -> assertThat(c.passed()).isTrue());
    }

    @Test
    void treatsSubdomainsOfADisposableDomainAsDisposableUnlessAllowlisted() {
        assertThat(assess("a@x.mailinator.com", QualityPolicy.DEFAULT, Fixtures.MX_FOUND).checks().get("disposable")
                .passed()).isFalse();
        assertThat(assess("a@ok.mailinator.com", QualityPolicy.DEFAULT, Fixtures.MX_FOUND).checks().get("disposable")
                .passed()).isTrue();
        assertThat(assess("a@notmailinator.com", QualityPolicy.DEFAULT, Fixtures.MX_FOUND).checks().get("disposable")
                .passed()).isTrue();
    }

    @Test
    void scoresADomainWithoutMxZeroAndRed() {
        Assessment a = assess("ada@nomx.com", QualityPolicy.DEFAULT,
                d -> new MxResult(MxResult.Status.NOT_FOUND, d + " has no MX record"));

        assertThat(a.verdict()).isEqualTo("RED");
        assertThat(a.score()).isZero();
        assertThat(a.checks().get("mx")).isEqualTo(CheckResult.fail("mx", "nomx.com has no MX record"));
    }

    @Test
    void reportsAnUnansweredMxLookupAsUnknownAndHoldsTheLeadYellow() {
        Assessment a = assess("ada@slow.com", QualityPolicy.DEFAULT,
                d -> new MxResult(MxResult.Status.UNKNOWN, "DNS did not answer"));

        assertThat(a.checks().get("mx").passed()).isNull();
        assertThat(a.checks().get("mx").reason()).contains("unknown");
        assertThat(a.verdict()).isEqualTo("YELLOW");
        assertThat(a.reasons()).extracting(r -> r.code()).containsExactly("mx_unknown");
    }

    @Test
    void reportsAnMxCheckSwitchedOffAsNotRunWithoutPenalty() {
        Assessment a = assess("ada@acme.com", QualityPolicy.DEFAULT, MxCheck.DISABLED);

        assertThat(a.checks().get("mx").passed()).isNull();
        assertThat(a.score()).isEqualTo(100);
    }

    @Test
    void marksEveryOtherCheckNotRunWhenTheSyntaxFails() {
        Assessment a = assess("nope", QualityPolicy.DEFAULT, Fixtures.MX_FOUND);

        assertThat(a.verdict()).isEqualTo("RED");
        assertThat(a.checks().get("syntax").passed()).isFalse();
        assertThat(a.checks().get("disposable").passed()).isNull();
    }

    @Test
    void keepsARoleAccountOnASuspiciousTldYellowWhenTheOrganizationAcceptsBoth() {
        QualityPolicy lenient = new QualityPolicy(null, 80, 50, null, true, true, false);

        Assessment a = assess("info@acme.xyz", lenient, Fixtures.MX_FOUND);

        assertThat(a.score()).isEqualTo(50);
        assertThat(a.verdict()).isEqualTo("YELLOW");
        assertThat(assess("info@acme.xyz", QualityPolicy.DEFAULT, Fixtures.MX_FOUND).verdict()).isEqualTo("RED");
    }

    @Test
    void appliesAnOrganizationsOwnPenaltiesThresholdsAndTldList() {
        QualityPolicy strict = new QualityPolicy(Map.of("tld", 35), 90, 60, Set.of("io"), false, true, false);

        assertThat(assess("info@acme.com", strict, Fixtures.MX_FOUND).verdict()).isEqualTo("RED");
        assertThat(assess("ada@acme.io", strict, Fixtures.MX_FOUND).verdict()).isEqualTo("YELLOW");
        assertThat(assess("ada@acme.xyz", strict, Fixtures.MX_FOUND).verdict()).isEqualTo("GREEN");
    }

    @Test
    void matchesRoleAccountsIgnoringPlusTags() {
        assertThat(assess("support+eu@acme.com", QualityPolicy.DEFAULT, Fixtures.MX_FOUND).checks().get("role")
                .passed()).isFalse();
    }

    @Test
    void findsTheSeedsExamplesInTheShippedLists() {
        DomainLists shipped = Fixtures.SHIPPED;

        assertThat(shipped.disposableMatch("mailinator.com")).isEqualTo("mailinator.com");
        assertThat(shipped.disposableMatch("inbox.mailinator.com")).isEqualTo("mailinator.com");
        assertThat(shipped.isRole("admin")).isTrue();
        assertThat(shipped.isRole("support")).isTrue();
        assertThat(shipped.isRole("ada")).isFalse();
        assertThat(shipped.suspiciousTlds()).contains("xyz", "tk", "top");
        assertThat(shipped.disposableMatch("gmail.com")).isNull();
    }

    @Test
    void statusRulesKeepSuppressionAndCompletionWhateverArrivesLater() {
        assertThat(LeadStatus.BOUNCED.evolve(LeadStatus.ACTIVE)).isEqualTo(LeadStatus.BOUNCED);
        assertThat(LeadStatus.COMPLETED.evolve(LeadStatus.ACTIVE)).isEqualTo(LeadStatus.COMPLETED);
        assertThat(LeadStatus.COMPLETED.evolve(LeadStatus.BOUNCED)).isEqualTo(LeadStatus.BOUNCED);
        assertThat(LeadStatus.HELD.evolve(LeadStatus.ACTIVE).evolve(LeadStatus.PAUSED)).isEqualTo(LeadStatus.PAUSED);
    }
}
