package com.superkabe.protection.domain;

/**
 * What one send outcome means for the bounce windows (see {@link BounceRule}): a CLEAN send and a
 * COUNTED bounce enter the window; an EXCLUDED bounce (the platform's own fault) and a FAILURE
 * (transient, ambiguous, configuration) do not.
 */
public enum OutcomeClass {
    CLEAN, COUNTED_BOUNCE, EXCLUDED_BOUNCE, FAILURE;

    public boolean entersWindow() {
        return this == CLEAN || this == COUNTED_BOUNCE;
    }
}
