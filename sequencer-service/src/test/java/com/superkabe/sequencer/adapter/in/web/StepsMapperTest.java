package com.superkabe.sequencer.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.domain.StepTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsMapperTest {

    private static final CampaignRequest.Step PLAIN = new CampaignRequest.Step("Hi", "b", 0);

    private static String refusedField(CampaignRequest.Step... steps) {
        return catchThrowableOfType(ApiProblem.class, () -> StepsMapper.steps(List.of(steps))).field();
    }

    @Test
    void aStepWithVariantsKeepsThemInOrderWithTheirWeightsDefaultingToOne() {
        List<StepTemplate> steps = StepsMapper.steps(List.of(PLAIN, new CampaignRequest.Step(null, null, 2, List.of(
                new CampaignRequest.Variant("{A|B}", "x", 3), new CampaignRequest.Variant("C", "y", null)))));

        assertThat(steps.get(0).variants()).isEmpty();
        assertThat(steps.get(1).variants()).containsExactly(new StepTemplate.Variant("{A|B}", "x", 3),
                new StepTemplate.Variant("C", "y", 1));
        assertThat(steps.get(1).subject()).isEqualTo("{A|B}");
    }

    @Test
    void anEmptyVariantListIsRefusedNamingTheStepsVariants() {
        assertThat(refusedField(PLAIN, new CampaignRequest.Step(null, null, 0, List.of())))
                .isEqualTo("steps[1].variants");
    }

    @Test
    void aStepWithNeitherASubjectNorVariantsIsRefusedNamingItsSubject() {
        assertThat(refusedField(new CampaignRequest.Step(" ", "b", 0))).isEqualTo("steps[0].subject");
    }

    @Test
    void unbalancedSpintaxInAVariantIsRefusedNamingTheVariantsField() {
        assertThat(refusedField(PLAIN, new CampaignRequest.Step(null, null, 0, List.of(
                new CampaignRequest.Variant("ok", "b", 1), new CampaignRequest.Variant("ok", "{Hi|Hello", 1)))))
                .isEqualTo("steps[1].variants[1].body");
    }

    /** Each body within its 100,000 characters, together 1.2 MB: the event could not be published. */
    @Test
    void stepsTooLargeTogetherForOneEventAreRefusedNamingSteps() {
        CampaignRequest.Step large = new CampaignRequest.Step("Hi", "x".repeat(60_000), 0);
        CampaignRequest.Step[] twenty = new CampaignRequest.Step[20];
        java.util.Arrays.fill(twenty, large);

        ApiProblem refused = catchThrowableOfType(ApiProblem.class, () -> StepsMapper.steps(List.of(twenty)));

        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("steps");
        assertThat(refused.status().value()).isEqualTo(413);
    }

    @Test
    void stepsJustWithinTheLimitTogetherAreKept() {
        CampaignRequest.Step large = new CampaignRequest.Step("Hi", "x".repeat(50_000), 0);
        CampaignRequest.Step[] ten = new CampaignRequest.Step[10];
        java.util.Arrays.fill(ten, large);

        assertThat(StepsMapper.steps(List.of(ten))).hasSize(10);
    }

    @Test
    void unbalancedSpintaxInAPlainSubjectIsRefusedNamingIt() {
        assertThat(refusedField(new CampaignRequest.Step("{Hi there", "b", 0))).isEqualTo("steps[0].subject");
    }
}
