package com.superkabe.sendadapter.domain;

/**
 * The result of checking a presented token. The reasons exist for metrics and logs only: callers
 * answer every rejection the same way (fail closed, silently), so a prober learns nothing.
 */
public sealed interface TokenCheck {

    /** Why a token was refused. */
    enum Reason { MALFORMED, BAD_SIGNATURE, WRONG_PURPOSE, EXPIRED }

    /** The token is authentic, unexpired and issued for the purpose it was presented for. */
    record Valid(TrackingToken token) implements TokenCheck {
    }

    /** The token must be ignored: no effect, no event. */
    record Rejected(Reason reason) implements TokenCheck {
    }
}
