package com.superkabe.local;

import static com.superkabe.local.FaultChecker.Status.ACTIVE;
import static com.superkabe.local.FaultChecker.Status.COMPLETED;
import static com.superkabe.local.FaultChecker.Status.PAUSED;
import static com.superkabe.local.FaultChecker.Status.PENDING;
import static com.superkabe.local.FaultChecker.Status.UNCHANGED;
import static com.superkabe.local.FaultChecker.Status.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Given what each side of a fault run observed, when it is checked, then each kind of violation is counted. */
class FaultCheckerTest {

    @Test
    void aCleanRunPrintsTheIssuesLineWithZeroes() {
        // given two acknowledged leads, both with runs, one message each, within the cap
        FaultChecker.Observation o = new FaultChecker.Observation(Set.of("a@x.test", "b@x.test"),
                Map.of("a@x.test", "r1", "b@x.test", "r2"),
                Map.of("r1", List.of(PENDING, ACTIVE, UNCHANGED, COMPLETED), "r2", List.of(PENDING, ACTIVE)),
                Map.of("a@x.test", List.of("<1@x>")), 10);

        // when checked
        FaultChecker.Verdict v = FaultChecker.check(o);

        // then
        assertThat(v.clean()).isTrue();
        assertThat(v.line("kill-broker")).isEqualTo("CHECKER scenario=kill-broker leads_acked=2 lost=0 sends=1"
                + " duplicates=0 cap_violations=0 illegal_states=0 order_violations=0");
    }

    @Test
    void anAcknowledgedLeadWithoutARunIsLost() {
        FaultChecker.Observation o = new FaultChecker.Observation(Set.of("a@x.test", "b@x.test"),
                Map.of("a@x.test", "r1"), Map.of(), Map.of(), 10);

        FaultChecker.Verdict v = FaultChecker.check(o);

        assertThat(v.lost()).isEqualTo(1);
        assertThat(v.findings()).anyMatch(f -> f.contains("b@x.test"));
        assertThat(v.clean()).isFalse();
    }

    @Test
    void aSecondMessageToTheSameRecipientIsADuplicateEvenUnderAnotherMessageId() {
        FaultChecker.Observation o = new FaultChecker.Observation(Set.of("a@x.test"), Map.of("a@x.test", "r1"),
                Map.of(), Map.of("a@x.test", List.of("<1@x>", "<2@x>", "<1@x>")), 10);

        FaultChecker.Verdict v = FaultChecker.check(o);

        assertThat(v.duplicates()).isEqualTo(2);
        assertThat(v.findings()).anyMatch(f -> f.contains("Message-ID <1@x> accepted 2 times"));
    }

    @Test
    void sendsBeyondTheDailyLimitAreCapViolations() {
        FaultChecker.Observation o = new FaultChecker.Observation(Set.of(), Map.of(), Map.of(),
                Map.of("a@x.test", List.of("<1>"), "b@x.test", List.of("<2>"), "c@x.test", List.of("<3>")), 2);

        assertThat(FaultChecker.check(o).capViolations()).isEqualTo(1);
    }

    @Test
    void transitionsOutsideSeed003sTableAreIllegal() {
        assertThat(FaultChecker.illegalStep(List.of(PENDING, ACTIVE, WAITING, ACTIVE, PAUSED, ACTIVE, COMPLETED)))
                .isNull();
        assertThat(FaultChecker.illegalStep(List.of(PENDING, WAITING))).contains("PENDING → WAITING");
        assertThat(FaultChecker.illegalStep(List.of(PENDING, ACTIVE, COMPLETED, UNCHANGED))).contains("after it ended");
        assertThat(FaultChecker.illegalStep(List.of(ACTIVE))).contains("instead of PENDING");
        assertThat(FaultChecker.illegalStep(List.of(PENDING, ACTIVE, PENDING))).contains("enrolled twice");
        assertThat(FaultChecker.illegalStep(List.of(PENDING, ACTIVE, COMPLETED, ACTIVE))).contains("COMPLETED → ACTIVE");
    }

    @Test
    void theQuickSetIsASubsetAndAnUnknownScenarioIsRefusedNamingTheKnownOnes() {
        assertThat(FaultRuns.scenarios(List.of("--quick"))).allMatch(FaultScenario::quick).hasSizeGreaterThan(3);
        assertThat(FaultRuns.scenarios(List.of())).hasSize(FaultScenario.values().length - 1)
                .doesNotContain(FaultScenario.FAILOVER);
        assertThat(FaultRuns.scenarios(List.of("--scenario=kill-broker,clock-ticks")))
                .containsExactly(FaultScenario.KILL_BROKER, FaultScenario.CLOCK_TICKS);
        assertThatThrownBy(() -> FaultRuns.scenarios(List.of("--scenario=kill-everything")))
                .hasMessageContaining("kill-sequencer");
    }

    @Test
    void failoverRunsOnTwoInstancesOfEveryServiceAndAlwaysLast() {
        // when failover is named among others
        FaultRuns.Plan named = FaultRuns.plan(List.of("--scenario=failover,kill-broker"));
        // then the stack gets two of each and failover, which leaves instances dead, comes last
        assertThat(named.replicas()).isEqualTo(2);
        assertThat(named.scenarios()).containsExactly(FaultScenario.KILL_BROKER, FaultScenario.FAILOVER);
        // and the full set on --replicas 2 includes it, on one replica it does not
        assertThat(FaultRuns.plan(List.of("--replicas", "2")).scenarios()).last().isEqualTo(FaultScenario.FAILOVER);
        assertThat(FaultRuns.plan(List.of()).replicas()).isEqualTo(1);
        assertThatThrownBy(() -> FaultRuns.plan(List.of("--scenario=failover", "--replicas=1")))
                .hasMessageContaining("needs two instances");
        assertThatThrownBy(() -> FaultRuns.plan(List.of("--replicas", "3"))).hasMessageContaining("--replicas: 1 or 2");
    }

    @Test
    void aRunWhoseEventsStandOnTheTopicInAnotherOrderThanDecidedIsAnOrderViolation() {
        // given run r1 decided e1, e2, e3 but published e2 before e1; r2 published in order, e3 not yet
        FaultChecker.Observation o = new FaultChecker.Observation(Set.of("a@x.test"), Map.of("a@x.test", "r1"),
                Map.of(), Map.of(), 10,
                Map.of("r1", List.of("e1", "e2", "e3"), "r2", List.of("f1", "f2", "f3")),
                Map.of("r1", List.of("e2", "e1", "e3"), "r2", List.of("f1", "f2")));

        // when
        FaultChecker.Verdict v = FaultChecker.check(o);

        // then
        assertThat(v.orderViolations()).isEqualTo(1);
        assertThat(v.clean()).isFalse();
        assertThat(v.findings()).anySatisfy(f -> assertThat(f).startsWith("order: run r1 has event e1"));
    }

    @Test
    void aDivergenceFoundByVerifyFailsTheScenarioAndIsAppendedToTheLine() {
        // given a scenario clean by every count
        FaultChecker.Verdict counts = FaultChecker.check(new FaultChecker.Observation(Set.of(), Map.of(), Map.of(),
                Map.of(), 10));

        // when verify diverged
        FaultChecker.Verdict v = counts.withVerify(ForensicsVerify.Outcome.DIVERGED, List.of("verify sequencer diverged"));

        // then
        assertThat(counts.clean()).isTrue();
        assertThat(v.clean()).isFalse();
        assertThat(v.line("net-resets")).endsWith(" illegal_states=0 order_violations=0 verify=diverged");
        assertThat(counts.withVerify(ForensicsVerify.Outcome.CLEAN, List.of()).line("x")).endsWith(" verify=clean");
        assertThat(ForensicsVerify.outcome(0)).isEqualTo(ForensicsVerify.Outcome.CLEAN);
        assertThat(ForensicsVerify.outcome(1)).isEqualTo(ForensicsVerify.Outcome.DIVERGED);
        assertThat(ForensicsVerify.outcome(3)).isEqualTo(ForensicsVerify.Outcome.ERROR);
    }
}
