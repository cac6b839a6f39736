package com.superkabe.protection.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordedPolicyTest {

    @Test
    void theServicesSettingsComeBackFromTheirRecordAsTheSamePolicy() {
        ProtectionPolicy p = ProtectionPolicy.defaults(60).withCooldowns(List.of(15L, 45L, 105L))
                .withThresholds(2, 40, 4, 80).withWarmNewMailboxes(true)
                .withComplaints(new ComplaintPolicy(50, 250, 300, 5));

        assertThat(RecordedPolicy.policy(RecordedPolicy.settings(p))).isEqualTo(p);
    }

    @Test
    void anOrganizationsOverridesComeBackFromTheirRecordAndApplyOnTheServicesSettings() {
        PolicyOverrides o = new PolicyOverrides(1, null, 2, null, List.of(30L, 60L), null, new BigDecimal("0.05"),
                null, 200, null);

        var event = RecordedPolicy.changed("org-1", o, true, "apikey:1", "stricter", 9);
        PolicyOverrides back = RecordedPolicy.overrides(event);
        ProtectionPolicy service = ProtectionPolicy.defaults(60);

        assertThat(event.complaintWarningPer100k()).isEqualTo(50);
        assertThat(RecordedPolicy.of(service, back, event.manualOverride()))
                .isEqualTo(o.applyTo(service.withManualOverride(true)));
        assertThat(RecordedPolicy.of(service, back, true).cooldownFor(1)).isEqualTo(60);
    }
}
