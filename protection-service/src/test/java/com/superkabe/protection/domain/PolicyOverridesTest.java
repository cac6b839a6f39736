package com.superkabe.protection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyOverridesTest {

    static final ProtectionPolicy DEFAULTS = ProtectionPolicy.defaults(60);

    @Test
    void givenNoOverridesThePolicyIsTheServiceDefault() {
        assertThat(PolicyOverrides.NONE.applyTo(DEFAULTS)).isEqualTo(DEFAULTS);
        assertThat(PolicyOverrides.NONE.check(DEFAULTS)).isEmpty();
    }

    @Test
    void givenOverridesOnlyTheNamedFieldsChange() {
        ProtectionPolicy p = new PolicyOverrides(2, 20, null, null, List.of(10L, 20L), true).applyTo(DEFAULTS);
        assertThat(p.warningBounces()).isEqualTo(2);
        assertThat(p.pauseBounces()).isEqualTo(DEFAULTS.pauseBounces());
        assertThat(p.cooldownFor(2)).isEqualTo(20);
        assertThat(p.cooldownFor(5)).isEqualTo(20);
        assertThat(p.warmNewMailboxes()).isTrue();
    }

    @Test
    void whenAValueIsOutOfRangeItIsRefusedAsInvalid() {
        var v = new PolicyOverrides(null, 0, null, null, null, null).check(DEFAULTS).orElseThrow();
        assertThat(v.field()).isEqualTo("warningWindow");
        assertThat(v.crossField()).isFalse();
    }

    @Test
    void whenValuesContradictEachOtherTheyAreRefusedAsInconsistent() {
        var v = new PolicyOverrides(5, null, null, null, null, null).check(DEFAULTS).orElseThrow();
        assertThat(v.field()).isEqualTo("warningBounces");
        assertThat(v.crossField()).isTrue();
        assertThat(new PolicyOverrides(null, null, null, null, List.of(3L, 2L), null).check(DEFAULTS).orElseThrow()
                .crossField()).isTrue();
    }

    @Test
    void whenACooldownEntryIsNullItIsRefusedNamingItsPlace() {
        var v = new PolicyOverrides(null, null, null, null, java.util.Arrays.asList(10L, null), null).check(DEFAULTS)
                .orElseThrow();

        assertThat(v.field()).isEqualTo("cooldownTicks");
        assertThat(v.detail()).startsWith("cooldownTicks[1]");
        assertThat(v.crossField()).isFalse();
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}={1} is refused")
    @org.junit.jupiter.params.provider.CsvSource({
            "complaintWarningPercent, 0", "complaintWarningPercent, -0.1", "complaintPausePercent, 100.5",
            "complaintPausePercent, 0.0005", "complaintMinimumSends, 0", "complaintMinimumSends, 1000001",
            "complaintWindowDays, 0", "complaintWindowDays, 91"})
    void whenAComplaintLineIsOutOfRangeItIsRefusedNamingTheField(String field, String value) {
        java.math.BigDecimal d = new java.math.BigDecimal(value);
        PolicyOverrides o = new PolicyOverrides(null, null, null, null, null, null,
                field.equals("complaintWarningPercent") ? d : null, field.equals("complaintPausePercent") ? d : null,
                field.equals("complaintMinimumSends") ? d.intValue() : null,
                field.equals("complaintWindowDays") ? d.intValue() : null);

        var v = o.check(DEFAULTS).orElseThrow();

        assertThat(v.field()).isEqualTo(field);
        assertThat(v.crossField()).isFalse();
    }

    @Test
    void whenTheComplaintWarningLineIsNotBelowThePauseLineItIsInconsistent() {
        var v = new PolicyOverrides(null, null, null, null, null, null, new java.math.BigDecimal("0.5"), null, null,
                null).check(DEFAULTS).orElseThrow();

        assertThat(v.field()).isEqualTo("complaintWarningPercent");
        assertThat(v.crossField()).isTrue();
    }

    @Test
    void givenComplaintLinesTheyReplaceTheDefaultsInPerHundredThousand() {
        ProtectionPolicy p = new PolicyOverrides(null, null, null, null, null, null, new java.math.BigDecimal("0.05"),
                new java.math.BigDecimal("0.25"), 1000, 14).applyTo(DEFAULTS);

        assertThat(p.complaints()).isEqualTo(new ComplaintPolicy(50, 250, 1000, 14));
        assertThat(DEFAULTS.complaints()).isEqualTo(ComplaintPolicy.DEFAULTS);
    }
}
