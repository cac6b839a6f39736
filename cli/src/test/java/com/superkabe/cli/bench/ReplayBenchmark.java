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
 * {@code ./mvnw -pl cli test -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ReplayBenchmark {

    @Test
    void replaysTheRecordedHistoryThroughVerifysCodePath() {
        String events = System.getProperty("bench.events", "10000000");

        int exit = SuperkabeCli.run("bench-replay", "-b", TestInfra.kafka().getBrokersAsString(), "--generate", events,
                "--timeout", "120");

        assertThat(exit).isEqualTo(ExitCodes.OK);
    }
}
