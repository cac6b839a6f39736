package com.superkabe.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.cli.ExitCodes;
import com.superkabe.cli.SuperkabeCli;
import com.superkabe.kit.testing.TestInfra;
import org.junit.jupiter.api.Test;

/**
 * The replay benchmark on a scratch embedded broker: records {@code -Dbench.events} (default
 * 10,000,000) synthetic events, then runs {@code ./superkabe bench-replay}, which prints the
 * {@code REPLAY BENCH} line. Not in CI (the name matches no surefire include). Run:
 * {@code ./mvnw -pl cli test -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; a denser history
 * for finding order effects: {@code -Dbench.mailboxes=200 -Dbench.tickEvery=20}.
 */
class ReplayBenchmark {

    @Test
    void replaysTheRecordedHistoryThroughVerifysCodePath() {
        String events = System.getProperty("bench.events", "10000000");
        String mailboxes = System.getProperty("bench.mailboxes", "10000");
        String tickEvery = System.getProperty("bench.tickEvery", "350");

        int exit = SuperkabeCli.run("bench-replay", "-b", TestInfra.kafka().getBrokersAsString(), "--generate", events,
                "--mailboxes", mailboxes, "--tick-every", tickEvery, "--timeout", "120");

        assertThat(exit).isEqualTo(ExitCodes.OK);
    }
}
