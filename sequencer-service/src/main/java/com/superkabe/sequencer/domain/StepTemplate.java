package com.superkabe.sequencer.domain;

/** One sequence step: subject and body templates, and the ticks to wait after the previous step. */
public record StepTemplate(String subject, String body, long delayTicks) {
    public StepTemplate {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("subject is required");
        }
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("subject must not contain CR or LF");
        }
        if (body == null) {
            throw new IllegalArgumentException("body is required");
        }
        if (delayTicks < 0) {
            throw new IllegalArgumentException("delayTicks must be >= 0");
        }
    }
}
