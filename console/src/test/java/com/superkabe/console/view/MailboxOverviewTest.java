package com.superkabe.console.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MailboxOverviewTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static MailboxRow row(String address, String state) {
        return new MailboxRow("mbx_" + address, address, address.substring(address.indexOf('@') + 1), "SMTP", state,
                MailboxRow.phaseOf(state), 0, 0, null, null);
    }

    @Test
    void countsEveryStateInReadingOrderWithZerosForTheStatesNoMailboxIsIn() {
        MailboxOverview o = MailboxOverview.of(Map.of("paused", 2L, "healthy", 9_998L), Map.of("SMTP", 9_000L,
                "GMAIL", 1_000L), List.of("y.test", "x.test"), List.of(row("a@x.test", "paused")), 2, null, null);

        assertThat(o.counts()).containsExactly(Map.entry("healthy", 9_998L), Map.entry("warming", 0L),
                Map.entry("warning", 0L), Map.entry("paused", 2L), Map.entry("quarantine", 0L),
                Map.entry("restricted_send", 0L), Map.entry("warm_recovery", 0L));
        assertThat(o.domainsSeen()).containsExactly("x.test", "y.test");
        assertThat(o.providers()).containsExactly("GMAIL", "SMTP");
    }

    @Test
    void keepsTheCursorsOfTheNeighbouringPagesAndCountsThePageWhenTheTotalIsUnknown() {
        MailboxOverview o = MailboxOverview.of(Map.of(), Map.of(), List.of(), List.of(row("a@x.test", "healthy"),
                row("b@x.test", "healthy")), -1, "after-b", "before-a");

        assertThat(o.matching()).isEqualTo(2);
        assertThat(o.next()).isEqualTo("after-b");
        assertThat(o.previous()).isEqualTo("before-a");
    }

    @Test
    void aRowOfProtectionsListShowsAWarmupLimitOnlyWhereProtectionCanImposeOne() {
        MailboxRow warming = MailboxRow.of(JSON.readTree("{\"mailboxId\":\"m1\",\"address\":\"a@x.test\","
                + "\"domain\":\"x.test\",\"state\":\"warm_recovery\",\"provider\":\"SMTP\",\"windowBounces\":3,"
                + "\"phaseEnteredTick\":40,\"warmupLimit\":12,\"lastReason\":\"cooldown over\"}"));
        MailboxRow healthy = MailboxRow.of(JSON.readTree("{\"mailboxId\":\"m2\",\"address\":\"b@x.test\","
                + "\"domain\":\"x.test\",\"state\":\"healthy\",\"warmupLimit\":12,\"lastReason\":null}"));

        assertThat(warming.warmupLimit()).isEqualTo(12);
        assertThat(warming.healingPhase()).isEqualTo("warm_recovery");
        assertThat(warming.lastReason()).isEqualTo("cooldown over");
        assertThat(warming.windowBounces()).isEqualTo(3);
        assertThat(healthy.warmupLimit()).isNull();
        assertThat(healthy.lastReason()).isNull();
        assertThat(healthy.provider()).isNull();
    }

    @Test
    void onlyTheThreeHealingStatesAreAHealingPhase() {
        assertThat(MailboxRow.phaseOf("restricted_send")).isEqualTo("restricted_send");
        assertThat(MailboxRow.phaseOf("paused")).isNull();
        assertThat(MailboxRow.phaseOf("warming")).isNull();
    }
}
