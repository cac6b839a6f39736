package com.superkabe.events.run;

/**
 * What the policy gate does with a step it does not allow (seed 003, "Cost &amp; Policy Enforcement").
 * PAUSE, FAIL and SKIP_WITH_LOG are the seed's actions; DEFER keeps the step due for a later tick
 * (capacity that comes back by itself: a window that opens, a cap that resets) and is not a transition.
 */
public enum PolicyAction {
    DEFER, PAUSE, FAIL, SKIP_WITH_LOG
}
