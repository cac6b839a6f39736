package com.superkabe.events.protection;

import com.superkabe.events.Require;

/**
 * The correlation check found that the bounces which would have paused {@code mailboxId} are
 * concentrated on one recipient ESP ({@code recipientEsp}: GMAIL, MICROSOFT, YAHOO or OTHER) and
 * shared by {@code mailboxes} mailboxes of the organization: reported at provider scope instead
 * of pausing the mailbox.
 */
public record ProviderSpikeDetected(String orgId, String recipientEsp, String mailboxId, int mailboxes,
                                    int bounces, String reason, long tick) implements ProtectionAlert {
    public ProviderSpikeDetected {
        Require.text(orgId, "orgId");
        Require.text(recipientEsp, "recipientEsp");
        Require.text(reason, "reason");
    }

    @Override
    public String subject() {
        return recipientEsp;
    }
}
