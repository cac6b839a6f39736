package com.superkabe.console.view;

/**
 * One line of the mailbox list: protection's state and counts, the provider from the send
 * adapter, and — for the rows on the page only — the warmup limit and the last transition's reason.
 */
public record MailboxRow(String mailboxId, String address, String domain, String provider, String state,
                         String healingPhase, long phaseEnteredTick, int windowBounces, Integer warmupLimit,
                         String lastReason) {

    static final java.util.Set<String> HEALING = java.util.Set.of("quarantine", "restricted_send", "warm_recovery");

    public static String phaseOf(String state) {
        return HEALING.contains(state) ? state : null;
    }

    public MailboxRow withDetail(Integer limit, String reason) {
        return new MailboxRow(mailboxId, address, domain, provider, state, healingPhase, phaseEnteredTick,
                windowBounces, limit, reason);
    }

    /** Protection imposes no warmup limit on healthy and warning mailboxes (its WarmupLimits), so none is asked for. */
    public boolean mayHaveWarmupLimit() {
        return !"healthy".equals(state) && !"warning".equals(state);
    }

    public boolean unhealthy() {
        return !"healthy".equals(state) && !"warming".equals(state);
    }
}
