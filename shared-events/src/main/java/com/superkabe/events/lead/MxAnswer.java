package com.superkabe.events.lead;

import java.util.List;

/**
 * What DNS said about a lead's domain when the ingestion gate judged it, recorded with the verdict
 * so no later reader asks DNS again (ADR 0011). {@code hosts}: the mail exchangers in preference
 * order, FOUND only (empty otherwise).
 */
public record MxAnswer(Status status, List<String> hosts) {

    /** FOUND / NOT_FOUND as DNS answered; UNKNOWN when it did not (timeout, SERVFAIL); NOT_RUN when switched off. */
    public enum Status { FOUND, NOT_FOUND, UNKNOWN, NOT_RUN }

    public MxAnswer {
        if (status == null) {
            throw new IllegalArgumentException("status is required");
        }
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }
}
