package com.superkabe.sequencer.application;

/**
 * Whether a mailbox may be routed to: protection lets it send ({@code canSend}) and its credentials
 * work ({@code connected}); {@code unavailableSince}: the tick it stopped being able to send (null:
 * it can send, or it has been unable since before ticks were recorded).
 */
public record MailboxStatus(boolean canSend, boolean connected, Long unavailableSince) {

    public static final MailboxStatus AVAILABLE = new MailboxStatus(true, true, null);

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
