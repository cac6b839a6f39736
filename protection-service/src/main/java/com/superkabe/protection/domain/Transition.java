package com.superkabe.protection.domain;

/**
 * One decided state change of a mailbox or domain. {@code from} is null for a mailbox's first
 * state. {@code warning} is set only on forced operator transitions and names what was skipped.
 */
public record Transition(String entityType, String entityId, String from, String to, String trigger, String reason,
                         String actor, boolean forced, String warning, long tick, long cooldownUntil,
                         boolean manualReview, boolean canSend) {

    public static final String SYSTEM = "system";
    /** The trigger of an operator's forced or checked transition. */
    public static final String OPERATOR = "operator";
}
