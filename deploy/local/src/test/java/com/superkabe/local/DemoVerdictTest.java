package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoVerdictTest {

    private static final String ADA = "ada@example.com";
    private static final List<String> OTHERS = List.of("grace@example.com", "alan@example.com");

    @Test
    void passesWhenTheReplierStoppedAndTheOthersGotTheFollowUpAndFinished() {
        DemoVerdict v = DemoVerdict.judge(ADA, OTHERS,
                Map.of(ADA, 1, "grace@example.com", 2, "alan@example.com", 2),
                Map.of(ADA, "REPLIED", "grace@example.com", "COMPLETED", "alan@example.com", "COMPLETED"));
        assertThat(v.state()).isEqualTo(DemoVerdict.State.PASSED);
    }

    @Test
    void failsAtOnceWhenTheReplierGetsAFollowUp() {
        DemoVerdict v = DemoVerdict.judge(ADA, OTHERS, Map.of(ADA, 2), Map.of(ADA, "REPLIED"));
        assertThat(v.state()).isEqualTo(DemoVerdict.State.FAILED);
        assertThat(v.explanation()).contains("step-2");
    }

    @Test
    void failsWhenTheRepliersRunCompletesInsteadOfStopping() {
        assertThat(DemoVerdict.judge(ADA, OTHERS, Map.of(ADA, 1), Map.of(ADA, "COMPLETED")).state())
                .isEqualTo(DemoVerdict.State.FAILED);
    }

    @Test
    void waitsWhileAnythingIsOutstandingAndSaysWhat() {
        DemoVerdict v = DemoVerdict.judge(ADA, OTHERS, Map.of(ADA, 1, "grace@example.com", 1),
                Map.of(ADA, "WAITING", "grace@example.com", "WAITING"));
        assertThat(v.state()).isEqualTo(DemoVerdict.State.PENDING);
        assertThat(v.explanation()).contains("ada@example.com REPLIED (is WAITING)", "a step-2 email",
                "alan@example.com finished (is none)");
    }

    @Test
    void atTheDeadlineOnlyThePromiseCountsNotEveryLeadFinishing() {
        Map<String, Integer> emails = Map.of(ADA, 1, "grace@example.com", 2);
        Map<String, String> status = Map.of(ADA, "REPLIED", "grace@example.com", "COMPLETED", "alan@example.com", "ACTIVE");
        assertThat(DemoVerdict.judge(ADA, OTHERS, emails, status).state()).isEqualTo(DemoVerdict.State.PENDING);
        assertThat(DemoVerdict.atDeadline(ADA, OTHERS, emails, status).state()).isEqualTo(DemoVerdict.State.PASSED);
        assertThat(DemoVerdict.atDeadline(ADA, OTHERS, Map.of(ADA, 1), Map.of(ADA, "WAITING")).state())
                .isEqualTo(DemoVerdict.State.FAILED);
    }
}
