package com.superkabe.sequencer.application;

/**
 * Whether a mailbox may be routed to: protection lets it send ({@code canSend}) and its credentials
 * work ({@code connected}); {@code unavailableSince}: the tick it stopped being able to send (null:
 * it can send, or it has been unable since before ticks were recorded); {@code domain}: its sending
 * domain from MailboxRegistered (null: not known), which the bulk-sender budget counts by.
 */
public record MailboxStatus(boolean canSend, boolean connected, Long unavailableSince, String domain) {

    public static final MailboxStatus AVAILABLE = new MailboxStatus(true, true, null, null);

    /** The same availability for a mailbox whose domain is {@code knownDomain}. */
    public MailboxStatus withDomain(String knownDomain) {
        return new MailboxStatus(canSend, connected, unavailableSince, knownDomain);
    }

    public boolean available() {
        return canSend && connected;
    }

    /** How long it has been unable to send at {@code tick} (0 while it can). */
    public long unavailableFor(long tick) {
        return available() ? 0 : unavailableSince == null ? Long.MAX_VALUE : tick - unavailableSince;
    }

    public String why() {
        return !canSend && !connected ? "paused by protection and disconnected" : !canSend ? "paused by protection"
                : "disconnected";
    }
}
