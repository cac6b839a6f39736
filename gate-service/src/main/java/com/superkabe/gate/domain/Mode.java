package com.superkabe.gate.domain;

/**
 * What a failed check does, per organization. The checks always run and every decision records
 * its mode; only ENFORCE turns a failure into a block.
 */
public enum Mode {
    /** Allow everything; record what would have happened. */
    OBSERVE,
    /** Allow; record a recommendation. */
    SUGGEST,
    /** Block. */
    ENFORCE;

    public boolean blocks() {
        return this == ENFORCE;
    }
}
