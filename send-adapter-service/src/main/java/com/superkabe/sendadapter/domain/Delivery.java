package com.superkabe.sendadapter.domain;

/**
 * How a delivery attempt ended, in the bounce taxonomy the protection layer reads: SENT,
 * HARD_BOUNCE (5xx), TRANSIENT (4xx or no connection: nothing was sent), AMBIGUOUS (connection lost
 * after the message may have been accepted), CONFIGURATION (no usable mailbox or credentials).
 */
public record Delivery(String kind, int smtpCode, String detail) {

    public static Delivery sent() {
        return new Delivery("SENT", 250, "accepted");
    }

    public boolean succeeded() {
        return "SENT".equals(kind);
    }
}
