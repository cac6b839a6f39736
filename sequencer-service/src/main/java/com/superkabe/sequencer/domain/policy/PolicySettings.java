package com.superkabe.sequencer.domain.policy;

import com.superkabe.events.run.PolicyAction;
import com.superkabe.events.run.SendPolicy;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A campaign's choice of action for each policy that can hold a step (ADR 0022). Capacity that comes
 * back by itself (a window, a cap, a budget) is deferred by default; a campaign may choose to pause or
 * to skip with a log instead where that makes sense. The lead's pause always pauses; a step condition
 * always skips; a suppression always ends the run, so neither is configurable.
 */
public record PolicySettings(Map<SendPolicy, PolicyAction> actions) {

    private static final Map<SendPolicy, PolicyAction> DEFAULTS = new EnumMap<>(Map.of(
            SendPolicy.LEAD_PAUSED, PolicyAction.PAUSE,
            SendPolicy.STEP_CONDITION, PolicyAction.SKIP_WITH_LOG,
            SendPolicy.SUPPRESSION, PolicyAction.FAIL,
            SendPolicy.COMPLIANCE, PolicyAction.DEFER,
            SendPolicy.SENDING_WINDOW, PolicyAction.DEFER,
            SendPolicy.MAILBOX_HEALTH, PolicyAction.DEFER,
            SendPolicy.CAPS_AND_RATE_LIMITS, PolicyAction.DEFER,
            SendPolicy.YELLOW_BUDGET, PolicyAction.DEFER,
            SendPolicy.ORGANIZATION_SEND_BUDGET, PolicyAction.DEFER));

    private static final Map<SendPolicy, Set<PolicyAction>> ALLOWED = new EnumMap<>(Map.of(
            SendPolicy.LEAD_PAUSED, EnumSet.of(PolicyAction.PAUSE),
            SendPolicy.STEP_CONDITION, EnumSet.of(PolicyAction.SKIP_WITH_LOG),
            SendPolicy.SUPPRESSION, EnumSet.of(PolicyAction.FAIL),
            SendPolicy.COMPLIANCE, EnumSet.of(PolicyAction.DEFER, PolicyAction.PAUSE, PolicyAction.FAIL),
            SendPolicy.SENDING_WINDOW, EnumSet.of(PolicyAction.DEFER, PolicyAction.SKIP_WITH_LOG, PolicyAction.PAUSE),
            SendPolicy.MAILBOX_HEALTH, EnumSet.of(PolicyAction.DEFER, PolicyAction.PAUSE, PolicyAction.FAIL),
            SendPolicy.CAPS_AND_RATE_LIMITS, EnumSet.of(PolicyAction.DEFER, PolicyAction.PAUSE),
            SendPolicy.YELLOW_BUDGET, EnumSet.of(PolicyAction.DEFER, PolicyAction.SKIP_WITH_LOG, PolicyAction.PAUSE),
            SendPolicy.ORGANIZATION_SEND_BUDGET, EnumSet.of(PolicyAction.DEFER, PolicyAction.PAUSE)));

    public static final PolicySettings DEFAULT = new PolicySettings(Map.of());

    /** Only the non-default choices are kept; an action a policy does not allow is refused. */
    public PolicySettings {
        EnumMap<SendPolicy, PolicyAction> chosen = new EnumMap<>(SendPolicy.class);
        (actions == null ? Map.<SendPolicy, PolicyAction>of() : actions).forEach((policy, action) -> {
            if (policy == null || action == null) {
                throw new IllegalArgumentException("policy and action are required");
            }
            if (!allowed(policy).contains(action)) {
                throw new IllegalArgumentException(policy + " can only " + allowed(policy));
            }
            if (DEFAULTS.get(policy) != action) {
                chosen.put(policy, action);
            }
        });
        actions = java.util.Collections.unmodifiableMap(chosen);
    }

    public static Set<PolicyAction> allowed(SendPolicy policy) {
        return ALLOWED.get(policy);
    }

    public PolicyAction actionFor(SendPolicy policy) {
        return actions.getOrDefault(policy, DEFAULTS.get(policy));
    }

    /** Every policy with the action in force, for the API. */
    public Map<SendPolicy, PolicyAction> effective() {
        EnumMap<SendPolicy, PolicyAction> all = new EnumMap<>(DEFAULTS);
        all.putAll(actions);
        return all;
    }
}
