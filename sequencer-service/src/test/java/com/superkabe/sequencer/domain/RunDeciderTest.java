package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.RunCompleted;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.RunReplied;
import com.superkabe.events.run.RunStepAdvanced;
import com.superkabe.events.run.SendRequested;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Given events, when a command, then events: the run state machine without any framework. */
class RunDeciderTest {

    private static final LeadSnapshot ADA = new LeadSnapshot("lead-1", "ada@example.com", "Ada", "Lovelace",
            "Analytical Engines", null);
    private static final StepTemplate STEP_1 = new StepTemplate("Hi {{firstName}}", "About {{company}}", 0);
    private static final RunEnrolled ENROLLED = new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 5, 5);

    private static Optional<RunState> given(RunEvent... events) {
        RunState s = null;
        for (RunEvent e : events) {
            s = RunDecider.evolve(s, e);
        }
        return Optional.ofNullable(s);
    }

    private static SendRequested requested(int step, long tick) {
        return (SendRequested) RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, tick),
                given(ENROLLED)).getFirst();
    }

    @Test
    void enrolsANewRunDueAfterTheFirstStepsDelay() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, "mb-1", 2, 0, 5),
                given());

        assertThat(events).containsExactly(new RunEnrolled("org-1", "run-1", "c-1", ADA, "mb-1", 2, 5, 5));
    }

    @Test
    void ignoresASecondEnrolmentOfTheSameRun() {
        assertThat(RunDecider.decide(new RunCommand.Enroll("org-1", "run-1", "c-1", ADA, "mb-1", 2, 0, 9),
                given(ENROLLED))).isEmpty();
    }

    @Test
    void requestsTheDueStepWithTokensReplacedAndASendIdFixedByRunAndStep() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 5), given(ENROLLED));

        assertThat(events).singleElement().isInstanceOfSatisfying(SendRequested.class, r -> {
            assertThat(r.subjectLine()).isEqualTo("Hi Ada");
            assertThat(r.body()).isEqualTo("About Analytical Engines");
            assertThat(r.toName()).isEqualTo("Ada Lovelace");
            assertThat(r.sendId()).isEqualTo(RunDecider.sendId("run-1", 0));
            assertThat(r.tick()).isEqualTo(5);
        });
    }

    @Test
    void doesNotSendBeforeTheDueTickNorTwiceWhileASendIsInFlight() {
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 4), given(ENROLLED))).isEmpty();
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 6), given(ENROLLED, requested(0, 5))))
                .isEmpty();
    }

    @Test
    void advancesToTheNextStepWhenTheSendSucceededAndWaitsForItsDelay() {
        List<RunEvent> events = RunDecider.decide(new RunCommand.RecordSent("run-1", "s", 0, 3, 6),
                given(ENROLLED, requested(0, 5)));

        assertThat(events).containsExactly(new RunStepAdvanced("org-1", "run-1", 1, 9, 6));
        assertThat(RunDecider.evolve(given(ENROLLED, requested(0, 5)).get(), events.getFirst()).status())
                .isEqualTo(RunStatus.WAITING);
    }

    @Test
    void completesAfterTheLastStepWasSent() {
        RunStepAdvanced advanced = new RunStepAdvanced("org-1", "run-1", 1, 9, 6);
        SendRequested second = new SendRequested("org-1", "run-1", RunDecider.sendId("run-1", 1), "c-1", "lead-1",
                "mb-1", 1, "ada@example.com", "Ada", "s", "b", 9);

        assertThat(RunDecider.decide(new RunCommand.RecordSent("run-1", second.sendId(), 1, 0, 10),
                given(ENROLLED, requested(0, 5), advanced, second))).containsExactly(new RunCompleted("org-1", "run-1", 10));
    }

    @Test
    void stopsOnAReplyAndThenIgnoresEveryLaterCommand() {
        List<RunEvent> replied = RunDecider.decide(new RunCommand.RecordReply("run-1", "reply-1", 7),
                given(ENROLLED, requested(0, 5)));
        assertThat(replied).containsExactly(new RunReplied("org-1", "run-1", "reply-1", 7));

        Optional<RunState> after = given(ENROLLED, requested(0, 5), replied.getFirst());
        assertThat(after.get().status()).isEqualTo(RunStatus.REPLIED);
        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", STEP_1, 100), after)).isEmpty();
        assertThat(RunDecider.decide(new RunCommand.RecordSent("run-1", "s", 0, 3, 8), after)).isEmpty();
    }

    @Test
    void ignoresAnOutcomeForAStepThatIsNotInFlight() {
        assertThat(RunDecider.decide(new RunCommand.RecordSent("run-1", "s", 0, 3, 6), given(ENROLLED))).isEmpty();
        assertThat(RunDecider.decide(new RunCommand.RecordSent("run-1", "s", 1, 3, 6), given(ENROLLED, requested(0, 5))))
                .isEmpty();
    }

    @Test
    void failsClosedWhenASendFails() {
        assertThat(RunDecider.decide(new RunCommand.RecordFailed("run-1", "s", 0, "HARD_BOUNCE: 550", 6),
                given(ENROLLED, requested(0, 5)))).containsExactly(new RunFailed("org-1", "run-1", 0, "HARD_BOUNCE: 550", 6));
    }

    @Test
    void failsClosedWhenATemplateTokenHasNoValueRatherThanSendingAHole() {
        StepTemplate needsTitle = new StepTemplate("Hi", "As {{title}} you...", 0);

        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", needsTitle, 5), given(ENROLLED)))
                .singleElement().isInstanceOfSatisfying(RunFailed.class,
                        f -> assertThat(f.reason()).contains("{{title}}"));
    }

    @Test
    void usesATokensFallbackWhenTheLeadHasNoValue() {
        StepTemplate withFallback = new StepTemplate("Hi", "As {{title|a leader}} you...", 0);

        assertThat(RunDecider.decide(new RunCommand.Dispatch("run-1", withFallback, 5), given(ENROLLED)))
                .singleElement().isInstanceOfSatisfying(SendRequested.class,
                        r -> assertThat(r.body()).isEqualTo("As a leader you..."));
    }

    @Test
    void decidesNothingForARunThatDoesNotExist() {
        assertThat(RunDecider.decide(new RunCommand.RecordReply("run-x", "r", 1), given())).isEmpty();
    }
}
