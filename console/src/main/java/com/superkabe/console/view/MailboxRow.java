package com.superkabe.console.view;

/**
 * One line of the mailbox list, as protection's list gives it: state, provider as registered,
 * bounces in window, warmup limit and the last transition's reason.
 */
public record MailboxRow(String mailboxId, String address, String domain, String provider, String state,
                         String healingPhase, long phaseEnteredTick, int windowBounces, Integer warmupLimit,
                         String lastReason) {

    static final java.util.Set<String> HEALING = java.util.Set.of("quarantine", "restricted_send", "warm_recovery");

    public static String phaseOf(String state) {
        return HEALING.contains(state) ? state : null;
    }

    /**
     * A row of protection's list. Protection imposes no warmup limit on healthy and warning
     * mailboxes (its WarmupLimits), so a limit published before such a state is not shown.
     */
    public static MailboxRow of(tools.jackson.databind.JsonNode m) {
        String state = Json.text(m, "state");
        tools.jackson.databind.JsonNode limit = m.get("warmupLimit");
        boolean limited = !"healthy".equals(state) && !"warning".equals(state) && limit != null && !limit.isNull();
        return new MailboxRow(Json.text(m, "mailboxId"), Json.text(m, "address"), Json.text(m, "domain"),
                Json.text(m, "provider"), state, phaseOf(state), m.path("phaseEnteredTick").asLong(),
                m.path("windowBounces").asInt(), limited ? limit.asInt() : null, Json.text(m, "lastReason"));
    }

    public boolean unhealthy() {
        return !"healthy".equals(state) && !"warming".equals(state);
    }
}
