package com.superkabe.events.campaign;

import com.superkabe.events.Require;
import java.util.List;

/**
 * One step of a campaign as the sequencer sends it, carried on the campaigns topic so a replay of the
 * topics needs no database: subject and body templates, the ticks to wait after the previous step, the
 * A/B variants (empty: none) and the condition in its written form ({@code opened(0)}; null: none).
 */
public record CampaignStep(String subject, String body, long delayTicks, List<Variant> variants, String condition) {
    public CampaignStep {
        Require.text(subject, "subject");
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** One A/B variant of a step; {@code weight} is its share of the step's runs. */
    public record Variant(String subject, String body, int weight) {
        public Variant {
            Require.text(subject, "subject");
            Require.text(body, "body");
        }
    }
}
