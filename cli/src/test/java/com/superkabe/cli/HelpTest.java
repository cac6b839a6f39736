package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every command explains itself on --help, without reaching a cluster. */
class HelpTest {

    @Test
    void whatIfHelpNamesBothServicesKeysAndExitsZero() {
        CliIT.Run run = CliIT.cli("what-if", "--help");

        assertThat(run.exit()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("protection.pauseBounces").contains("sequencer.yellowMax")
                .contains("sequencer.bulkSenderDailyBudget").contains("would have ended differently");
    }

    @Test
    void nestedCommandsAnswerHelpToo() {
        CliIT.Run verify = CliIT.cli("verify", "--help");
        CliIT.Run redrive = CliIT.cli("dlt", "redrive", "--help");

        assertThat(verify.exit()).isEqualTo(ExitCodes.OK);
        assertThat(verify.out()).contains("--threads");
        assertThat(redrive.exit()).isEqualTo(ExitCodes.OK);
        assertThat(redrive.out()).contains("--dry-run");
    }
}
