package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue #14 item 2 in the build: the fault run {@code failover} ({@code ./deploy/local/faults.sh
 * --scenario=failover}) on two instances of every service, each a real process from its exec jar, against one
 * authenticated broker with the ACL plan. Under traffic, the first instance of each of the six is killed with
 * SIGKILL; the second carries on once its consumer groups rebalance and its leases (outbox relay, clock,
 * sequencer) fail over. The checker's figures are printed as the fault run prints them, and every count that
 * means harm must be zero. The stack's state and logs stay in {@code target/failover-stack/}; it uses the local
 * stack's fixed ports (ADR 0058), so it fails at once, naming them, while {@code run.sh} is running.
 */
class FailoverFaultRunIT {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Path STATE = Path.of("target/failover-stack").toAbsolutePath();

    @Test
    @Timeout(value = 15, unit = TimeUnit.MINUTES)
    void killingOneOfTwoInstancesOfEveryServiceUnderTrafficLosesNoLeadSendsNoneTwiceAndKeepsCapsStatesAndOrder()
            throws Exception {
        // given two instances of each of the six services, UP, on one broker and one database (the broker's and
        // the database's directories start fresh; the pid file of a run killed before stays for the port check)
        StackLayout layout = new StackLayout(REPO, Path.of("target/runtime-classpath.txt").toAbsolutePath())
                .withStateDir(STATE);
        Resources resources = new Resources();
        resources.installShutdownHook();
        FaultRuns.Result result;
        try {
            // when the failover scenario kills the first instance of each while leads are submitted
            List<FaultRuns.Result> results = FaultRuns.runScenarios(FaultRuns.plan(List.of("--scenario=failover")),
                    layout, resources);
            assertThat(results).hasSize(1);
            result = results.getFirst();
        } finally {
            resources.closeAll();
        }

        // then the checker counts no harm, and the services ran as their own principals without a refusal
        FaultChecker.Verdict v = result.verdict();
        System.out.println("FailoverFaultRunIT: " + result.line());
        assertThat(result.line()).startsWith("CHECKER scenario=failover leads_acked=");
        assertThat(v.leadsAcked()).as("leads acknowledged under the failover").isPositive();
        assertThat(v.sends()).as("messages the peer received (the campaign's cap is %d)", FaultWorkload.DAILY_LIMIT)
                .isPositive();
        assertThat(v.lost()).as(result.line() + "\nfindings: " + v.findings()).isZero();
        assertThat(v.duplicates()).as(result.line() + "\nfindings: " + v.findings()).isZero();
        assertThat(v.capViolations()).as(result.line() + "\nfindings: " + v.findings()).isZero();
        assertThat(v.illegalStates()).as(result.line() + "\nfindings: " + v.findings()).isZero();
        assertThat(v.orderViolations()).as(result.line() + "\nfindings: " + v.findings()).isZero();
        assertThat(v.verify()).as(result.line() + "\nfindings: " + v.findings()).isEqualTo(ForensicsVerify.Outcome.CLEAN);
        assertThat(refusals(layout)).as("authorization or authentication failures in the services' logs").isEmpty();
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).toList())
                .as("processes the run left behind").isEmpty();
    }

    /** Lines of the services' logs in which the broker refused a principal (ACLs, SASL). */
    private static List<String> refusals(StackLayout layout) throws Exception {
        List<String> found = new ArrayList<>();
        for (ServiceSpec spec : ServiceSpec.replicated(ServiceSpec.ALL, 2)) {
            Path log = layout.logFile(spec.label());
            for (String line : new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList()) {
                if (line.contains("AuthorizationException") || line.contains("Not authorized")
                        || line.contains("SaslAuthenticationException") || line.contains("Authentication failed")) {
                    found.add(spec.label() + ": " + line);
                }
            }
        }
        return found;
    }
}
