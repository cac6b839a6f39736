package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProtectionVerdictTest {

    private static final List<ProtectionVerdict.Step> WALK = List.of(
            step(null, "healthy", "registered"), step("healthy", "warning", "bounce_threshold"),
            step("warning", "paused", "bounce_threshold"), step("paused", "quarantine", "cooldown_expired"),
            step("quarantine", "restricted_send", "dns_check"), step("restricted_send", "warm_recovery", "clean_sends"),
            step("warm_recovery", "healthy", "graduation"));
    private static final ProtectionVerdict.Decision BLOCKED =
            new ProtectionVerdict.Decision("BLOCKED", "HEALTH_ISSUE", "NO");
    private static final ProtectionVerdict.Decision ALLOWED = new ProtectionVerdict.Decision("ALLOWED", null, "YES");

    private static ProtectionVerdict.Step step(String from, String to, String trigger) {
        return new ProtectionVerdict.Step(from, to, trigger);
    }

    @Test
    void passesWhenTheMailboxWalkedBackTheLeadWasBlockedThenAllowedAndItsRunStarted() {
        ProtectionVerdict v = ProtectionVerdict.judge(WALK, List.of(BLOCKED, ALLOWED), "ACTIVE");
        assertThat(v.state()).isEqualTo(DemoVerdict.State.PASSED);
        assertThat(v.explanation()).contains("healthy → paused → quarantine", "HEALTH_ISSUE", "run is ACTIVE");
    }

    @Test
    void passesWhenAReleaseWasBlockedOnceBeforeTheGateCaughtUp() {
        assertThat(ProtectionVerdict.judge(WALK, List.of(BLOCKED, BLOCKED, ALLOWED), "COMPLETED").state())
                .isEqualTo(DemoVerdict.State.PASSED);
    }

    @Test
    void waitsWhileTheWalkIsUnfinishedAndSaysWhereItStands() {
        ProtectionVerdict v = ProtectionVerdict.judge(WALK.subList(0, 4), List.of(BLOCKED), null);
        assertThat(v.state()).isEqualTo(DemoVerdict.State.PENDING);
        assertThat(v.explanation()).contains("to reach restricted_send (walk so far: healthy → paused → quarantine)",
                "an ALLOWED decision after the release", "the lead's run");
    }

    @Test
    void aFirstDecisionThatLetTheLeadThroughAPausedMailboxFails() {
        ProtectionVerdict v = ProtectionVerdict.judge(WALK, List.of(ALLOWED), "ACTIVE");
        assertThat(v.state()).isEqualTo(DemoVerdict.State.FAILED);
        assertThat(v.explanation()).contains("first decision was ALLOWED");
        assertThat(ProtectionVerdict.judge(WALK, List.of(new ProtectionVerdict.Decision("BLOCKED", "INFRA_ISSUE",
                "UNKNOWN")), null).state()).isEqualTo(DemoVerdict.State.FAILED);
    }

    @Test
    void aPauseAtDomainScopeOrARelapseIsNotTheWalkThisDemoPromises() {
        List<ProtectionVerdict.Step> cascaded = new ArrayList<>(WALK);
        cascaded.set(2, step("warning", "paused", "domain_cascade"));
        assertThat(ProtectionVerdict.judge(cascaded, List.of(BLOCKED, ALLOWED), "ACTIVE").explanation())
                .contains("paused by domain_cascade");
        List<ProtectionVerdict.Step> relapsed = new ArrayList<>(WALK);
        relapsed.add(5, step("warm_recovery", "quarantine", "relapse"));
        assertThat(ProtectionVerdict.judge(relapsed, List.of(BLOCKED, ALLOWED), "ACTIVE").state())
                .isEqualTo(DemoVerdict.State.FAILED);
    }

    @Test
    void theFinalHealthyMustComeAfterTheHealingPhasesNotJustAtRegistration() {
        ProtectionVerdict v = ProtectionVerdict.judge(List.of(step(null, "healthy", "registered")), List.of(), null);
        assertThat(v.state()).isEqualTo(DemoVerdict.State.PENDING);
        assertThat(v.explanation()).contains("to reach paused");
    }

    @Test
    void aTimeoutTurnsWhatIsMissingIntoAFailureNamingTheWait() {
        ProtectionVerdict v = ProtectionVerdict.timedOut("graduation", WALK.subList(0, 6), List.of(BLOCKED), null);
        assertThat(v.state()).isEqualTo(DemoVerdict.State.FAILED);
        assertThat(v.explanation()).startsWith("timed out waiting for graduation").contains("to reach healthy");
    }
}
