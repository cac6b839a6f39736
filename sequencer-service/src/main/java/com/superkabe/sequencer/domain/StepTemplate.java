package com.superkabe.sequencer.domain;

import java.util.List;

/**
 * One sequence step: subject and body templates, and the ticks to wait after the previous step.
 * A step may carry A/B {@link Variant}s; then each run's variant is picked by weighted rotation
 * from a hash of (run, step), so a replay or a retry sends the same one. Without variants the
 * step's own subject and body are sent. A step may carry a {@link StepCondition} on the execution
 * context: when it does not hold at the step's turn, the step is skipped with a log.
 */
public record StepTemplate(String subject, String body, long delayTicks, List<Variant> variants,
                           StepCondition condition) {

    public StepTemplate(String subject, String body, long delayTicks, List<Variant> variants) {
        this(subject, body, delayTicks, variants, null);
    }

    public StepTemplate {
        checkSubject(subject);
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
        if (delayTicks < 0) {
            throw new IllegalArgumentException("delayTicks must be >= 0");
        }
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    public StepTemplate(String subject, String body, long delayTicks) {
        this(subject, body, delayTicks, List.of());
    }

    /** One A/B variant; {@code weight} is its share of the step's runs (weight / sum of weights). */
    public record Variant(String subject, String body, int weight) {
        public Variant {
            checkSubject(subject);
            if (body == null || body.isBlank()) {
                throw new IllegalArgumentException("variant body is required");
            }
            if (weight < 1) {
                throw new IllegalArgumentException("variant weight must be >= 1");
            }
        }
    }

    /** The variant index for (run, step), or -1 when the step has no variants. */
    public int variantFor(String runId, int step) {
        if (variants.isEmpty()) {
            return -1;
        }
        long total = variants.stream().mapToLong(Variant::weight).sum();
        long ticket = Long.remainderUnsigned(Spintax.hash("variant/" + runId + "/" + step), total);
        for (int i = 0; i < variants.size(); i++) {
            ticket -= variants.get(i).weight();
            if (ticket < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable: ticket below the weight total");
    }

    /** The subject template sent for a variant index from {@link #variantFor}: the step's own for -1. */
    public String subjectOf(int variant) {
        return variant < 0 ? subject : variants.get(variant).subject();
    }

    /** The body template sent for a variant index from {@link #variantFor}: the step's own for -1. */
    public String bodyOf(int variant) {
        return variant < 0 ? body : variants.get(variant).body();
    }

    private static void checkSubject(String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject is required");
        }
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subject must not contain CR or LF");
        }
    }
}
