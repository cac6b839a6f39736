package com.superkabe.sendadapter.domain;

/** Where one send id is: claimed before the SMTP conversation, settled after it. */
public enum AttemptState {
    /** Claimed, outcome not yet recorded. Found again after a crash, it means "unknown": never resend. */
    ATTEMPTING,
    SENT,
    FAILED,
    AMBIGUOUS
}
