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
}
