package com.superkabe.sequencer.adapter.in.web;

import com.superkabe.kit.web.ApiProblem;
import com.superkabe.sequencer.domain.Spintax;
import com.superkabe.sequencer.domain.StepTemplate;
import com.superkabe.sequencer.domain.Templates;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the request's steps to templates, with what annotations cannot check: a step needs its own
 * subject and body or at least one variant, and every subject and body must be valid spintax with
 * known tokens only, so a malformed template is a 400 naming the step, variant and token now rather
 * than failed runs later.
 */
final class StepsMapper {

    /**
     * The most bytes a campaign's steps may take as they travel: CampaignCreated and
     * CampaignVersionPublished carry every subject and body, and a broker record holds at most 1 MiB
     * (the producer's max.request.size). Each field fits its own limit well below this, but twenty
     * steps of ten variants did not fit together: the campaign was stored (201) and its event could
     * never be published, which stopped the outbox for every organization. Half the record leaves
     * room for the mailbox ids, the rules and the envelope.
     */
    static final int MAX_STEPS_BYTES = 512 * 1024;
    private static final tools.jackson.databind.json.JsonMapper WIRE = tools.jackson.databind.json.JsonMapper
            .builder().build();

    private StepsMapper() {
    }

    static List<StepTemplate> steps(List<CampaignRequest.Step> steps) {
        List<StepTemplate> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepTemplate step = step("steps[" + i + "]", steps.get(i));
            String condition = steps.get(i).condition();
            if (condition != null) {
                try {
                    step = new StepTemplate(step.subject(), step.body(), step.delayTicks(), step.variants(),
                            com.superkabe.sequencer.domain.StepCondition.parse(condition, i));
                } catch (IllegalArgumentException e) {
                    throw ApiProblem.invalid("steps[" + i + "].condition", e.getMessage());
                }
            }
            out.add(step);
        }
        int bytes = WIRE.writeValueAsBytes(com.superkabe.sequencer.application.CampaignWire.steps(out)).length;
        if (bytes > MAX_STEPS_BYTES) {
            throw new ApiProblem(org.springframework.http.HttpStatus.CONTENT_TOO_LARGE, "steps", "steps: the subjects "
                    + "and bodies come to " + bytes + " bytes as JSON; a campaign's steps take at most "
                    + MAX_STEPS_BYTES + " (they travel in one event, and a broker record holds at most 1 MiB)");
        }
        return out;
    }

    private static StepTemplate step(String field, CampaignRequest.Step s) {
        if (s.variants() == null) {
            if (s.subject() == null || s.subject().isBlank()) {
                throw ApiProblem.invalid(field + ".subject", "must not be blank");
            }
            if (s.body() == null) {
                throw ApiProblem.invalid(field + ".body", "must not be null");
            }
            spintax(field + ".subject", s.subject());
            spintax(field + ".body", s.body());
            return new StepTemplate(s.subject(), s.body(), s.delayTicks());
        }
        if (s.variants().isEmpty()) {
            throw ApiProblem.invalid(field + ".variants", "must have at least one variant");
        }
        List<StepTemplate.Variant> variants = new ArrayList<>();
        for (int v = 0; v < s.variants().size(); v++) {
            CampaignRequest.Variant variant = s.variants().get(v);
            spintax(field + ".variants[" + v + "].subject", variant.subject());
            spintax(field + ".variants[" + v + "].body", variant.body());
            variants.add(new StepTemplate.Variant(variant.subject(), variant.body(),
                    variant.weight() == null ? 1 : variant.weight()));
        }
        // the step's own text is what a reader of the campaign sees first: variant 0 unless given
        String subject = s.subject() == null || s.subject().isBlank() ? variants.getFirst().subject() : s.subject();
        String body = s.body() == null ? variants.getFirst().body() : s.body();
        return new StepTemplate(subject, body, s.delayTicks(), variants);
    }

    private static void spintax(String field, String template) {
        try {
            Spintax.check(template);
        } catch (Spintax.Malformed e) {
            throw ApiProblem.invalid(field, e.getMessage());
        }
        Templates.tokenProblem(template).ifPresent(problem -> {
            throw ApiProblem.invalid(field, problem);
        });
    }
}
