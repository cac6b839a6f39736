package com.superkabe.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ForcePreviewTest {

    @Test
    void theChecksProtectionNamesInItsRefusalAreReadOneByOne() {
        String refusal = "paused -> healthy needs force: true because it skips: paused -> healthy is not a valid "
                + "transition (skips the healing pipeline); domain demo.test is paused";

        assertThat(ForcePreview.skippedChecks(refusal)).containsExactly(
                "paused -> healthy is not a valid transition (skips the healing pipeline)",
                "domain demo.test is paused");
    }

    @Test
    void aRefusalOfAnotherKindNamesNoChecks() {
        assertThat(ForcePreview.skippedChecks("mailbox is already paused")).isNull();
        assertThat(ForcePreview.skippedChecks(null)).isNull();
    }
}
