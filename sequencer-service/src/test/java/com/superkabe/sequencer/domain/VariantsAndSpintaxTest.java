package com.superkabe.sequencer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.events.run.RunEnrolled;
import com.superkabe.events.run.RunEvent;
import com.superkabe.events.run.RunFailed;
import com.superkabe.events.run.SendRequested;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Given a run, when its step with variants and spintax is dispatched, then a deterministic mail. */
class VariantsAndSpintaxTest {

    private static final LeadSnapshot ADA = new LeadSnapshot("lead-1", "ada@example.com", "Ada", "Lovelace",
            "Analytical <Engines>", null);
    private static final StepTemplate AB = new StepTemplate("unused", "unused", 0, List.of(
            new StepTemplate.Variant("A: {Hi|Hello} {{firstName}}", "<p>{About|Re} {{company}}</p>", 3),
            new StepTemplate.Variant("B: {Hey|Yo} {{firstName}}", "{Short|Brief} note", 1)));

    private static Optional<RunState> enrolled(String runId) {
        return Optional.of(RunDecider.evolve(RunDecider.evolve(null, new RunEnrolled("org-1", runId, "c-1", ADA, "mb-1",
                1, 0, 0)), new com.superkabe.events.run.RunStarted("org-1", runId, 0, 0, 0)));
    }

    private static List<RunEvent> dispatch(String runId, StepTemplate step) {
        return RunDecider.decide(new RunCommand.Dispatch(runId, step, 1), enrolled(runId));
    }

    @Test
    void theSameRunAndStepAlwaysGetTheSameVariantAndTheSameSpunTextSoAReplayReproducesTheMail() {
        assertThat(dispatch("run-42", AB)).isEqualTo(dispatch("run-42", AB));
        assertThat(AB.variantFor("run-42", 0)).isEqualTo(AB.variantFor("run-42", 0));
    }

    @Test
    void variantsArePickedInProportionToTheirWeights() {
        Map<Integer, Long> counts = IntStream.range(0, 4000).mapToObj(i -> AB.variantFor("run-" + i, 0))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts.keySet()).containsExactlyInAnyOrder(0, 1);
        assertThat(counts.get(0) / 4000.0).isBetween(0.72, 0.78);
    }

    @Test
    void theSentSubjectAndBodyComeFromTheChosenVariantWithSpintaxSpunAndTokensReplaced() {
        for (int i = 0; i < 50; i++) {
            String runId = "run-" + i;
            SendRequested r = (SendRequested) dispatch(runId, AB).getFirst();
            if (AB.variantFor(runId, 0) == 0) {
                assertThat(r.subjectLine()).isIn("A: Hi Ada", "A: Hello Ada");
                assertThat(r.body()).isIn("<p>About Analytical &lt;Engines&gt;</p>", "<p>Re Analytical &lt;Engines&gt;</p>");
            } else {
                assertThat(r.subjectLine()).isIn("B: Hey Ada", "B: Yo Ada");
                assertThat(r.body()).isIn("Short note", "Brief note");
            }
        }
    }

    @Test
    void aStepWithoutVariantsSendsItsOwnTextAsBefore() {
        StepTemplate plain = new StepTemplate("Hi {{firstName}}", "", 0);

        SendRequested r = (SendRequested) dispatch("run-1", plain).getFirst();

        assertThat(plain.variantFor("run-1", 0)).isEqualTo(-1);
        assertThat(r.subjectLine()).isEqualTo("Hi Ada");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aLeadValueWithBracesIsNeverSpunBecauseSpintaxRunsBeforeTokens() {
        LeadSnapshot braces = new LeadSnapshot("lead-2", "x@example.com", "{A|B}", null, null, null);
        Optional<RunState> run = Optional.of(RunDecider.evolve(RunDecider.evolve(null,
                new RunEnrolled("org-1", "run-9", "c-1", braces, "mb-1", 1, 0, 0)),
                new com.superkabe.events.run.RunStarted("org-1", "run-9", 0, 0, 0)));

        SendRequested r = (SendRequested) RunDecider.decide(new RunCommand.Dispatch("run-9",
                new StepTemplate("Hi {{firstName}}", "b", 0), 1), run).getFirst();

        assertThat(r.subjectLine()).isEqualTo("Hi {A|B}");
    }

    @Test
    void failsTheRunClosedWithTheReasonWhenTheSpintaxHasAnUnclosedGroup() {
        List<RunEvent> events = dispatch("run-1", new StepTemplate("{Hi|Hello {{firstName}}", "b", 0));

        assertThat(events).singleElement().isInstanceOfSatisfying(RunFailed.class, f -> assertThat(f.reason())
                .isEqualTo("spintax: unbalanced '{' at position 0 (no closing '}')"));
    }

    @Test
    void aVariantNeedsAWeightOfAtLeastOneAndANonBlankSubjectAndBody() {
        assertThatThrownBy(() -> new StepTemplate.Variant("s", "b", 0)).hasMessageContaining("weight");
        assertThatThrownBy(() -> new StepTemplate.Variant(" ", "b", 1)).hasMessageContaining("subject");
        assertThatThrownBy(() -> new StepTemplate.Variant("s", " ", 1)).hasMessageContaining("body");
    }
}
