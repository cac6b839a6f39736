package com.superkabe.events.gate;

import com.superkabe.events.Require;
import java.util.List;

/**
 * Every answer one gate decision for a (lead, campaign) pair is made from, published on
 * {@code superkabe.gate-checks} in the same transaction as, and before, the decision it leads to
 * (ADR 0047): the gate decides from this record, and a replay of the topic decides from it again
 * without the gate's database.
 *
 * <p>{@code trigger}: what made the gate decide (the input event's type, or {@code release} for an
 * operator's release); {@code tick}: the gate's logical clock; {@code attempts}: INFRA_ISSUE attempts
 * failed before this decision; {@code mode}: the organization's mode in force (its latest
 * ProtectionModeChanged, or the gate's default); {@code campaign}: the campaign as the gate knew it,
 * absent when it is not configured for this organization; {@code mailboxes}: the campaign's
 * mailboxes the gate knows, with their risk inputs; {@code domains}: the protection states of their
 * domains the gate has (a domain absent here is healthy); {@code protectionLagTicks}: how far
 * protection's view lagged the clock; {@code settings}: the gate's tunables in force.
 */
public record LeadGateChecked(String orgId, String campaignId, LeadSnapshot lead, String trigger, long tick,
                              int attempts, String mode, Campaign campaign, List<Mailbox> mailboxes,
                              List<Domain> domains, long protectionLagTicks, Settings settings)
        implements com.superkabe.events.SuperkabeEvent {

    public LeadGateChecked {
        Require.text(orgId, "orgId");
        Require.text(campaignId, "campaignId");
        Require.text(trigger, "trigger");
        Require.text(mode, "mode");
        if (lead == null || settings == null) {
            throw new IllegalArgumentException("lead and settings are required");
        }
        mailboxes = mailboxes == null ? List.of() : List.copyOf(mailboxes);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    /** The campaign as the gate's view held it. */
    public record Campaign(String status, List<String> mailboxIds) {
        public Campaign {
            mailboxIds = List.copyOf(mailboxIds);
        }
    }

    /**
     * One mailbox as protection last told the gate, and its recent sending: outcomes, hard bounces and
     * failures in its window, sends in the last logical hour, its daily limit and the mailboxes of its
     * domain in warning.
     */
    public record Mailbox(String mailboxId, String domain, String state, String trigger, int outcomes,
                          int hardBounces, int failures, int sendsLastHour, int dailyLimit, int domainWarnings) {
    }

    /** A domain's protection state for this organization. */
    public record Domain(String domain, String state) {
    }

    /** The gate's tunables: the protection view's staleness bound and the INFRA_ISSUE retry policy. */
    public record Settings(long staleAfterTicks, long retryBaseTicks, long retryMaxDelayTicks, int retryMaxAttempts) {
    }

    @Override
    public String subject() {
        return lead.leadId();
    }

    @Override
    public String partitionKey() {
        return lead.leadId();
    }
}
