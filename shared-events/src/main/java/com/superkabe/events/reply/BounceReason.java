package com.superkabe.events.reply;

/**
 * Why a recipient bounced, in the platform's own taxonomy (docs/bounce-taxonomy.md), and what each
 * reason asks of the platform. Only a reason that says the address cannot receive
 * ({@link #USER_UNKNOWN}, {@link #HOST_UNKNOWN}), with a permanent result, suppresses the address:
 * it is the only HARD bounce. Sender-side reasons (a receiver refusing the sending mailbox or
 * domain, its authentication, its rate or its content) say nothing about the address; they count
 * against the mailbox and its domain in protection. The rest are retried or only recorded.
 */
public enum BounceReason {
    /** The mailbox does not exist (5.1.1, 5.1.6 moved, "user unknown"). */
    USER_UNKNOWN(Side.RECIPIENT),
    /** The recipient's domain does not exist or accepts no mail (5.1.2, 5.1.10 null MX, no MX). */
    HOST_UNKNOWN(Side.RECIPIENT),
    /** The mailbox exists but is over its quota (5.2.2, 552, 4.2.2). */
    MAILBOX_FULL(Side.RECIPIENT),
    /** The receiver blocks the sender by policy or reputation (5.7.1, DNSBL, PTR, relaying, sender address). */
    POLICY_BLOCK(Side.SENDER),
    /** The sender failed the receiver's SPF, DKIM or DMARC checks (5.7.26, 5.7.515, 5.7.23-25, 5.7.27). */
    AUTH_FAILURE(Side.SENDER),
    /** The receiver limits the sender's rate (4.7.28, 421 too many messages or connections). */
    RATE_LIMITED(Side.SENDER),
    /** The receiver refused the message as spam, a virus or by a content filter. */
    CONTENT_REJECTED(Side.SENDER),
    /** Delivery was given up or is still being retried by the sending side (4.4.7, delayed notices). */
    EXPIRED(Side.NEITHER),
    /** Anything else: system or network errors, size, protocol, a disabled mailbox, nothing readable. */
    OTHER(Side.NEITHER);

    /** Whose problem a reason is. */
    public enum Side { RECIPIENT, SENDER, NEITHER }

    /** What the platform does with a bounce for this reason. */
    public enum Action {
        /** HARD: suppress the address organization-wide and end its runs. */
        SUPPRESS_ADDRESS,
        /** SOFT for the lead; counts against the sending mailbox and domain in protection. */
        PROTECT_SENDER,
        /** SOFT: the run goes on; the next step (or a later send) may succeed. */
        RETRY,
        /** SOFT: recorded only; the lead is not touched and protection does not count it as the sender's. */
        RECORD_ONLY
    }

    private final Side side;

    BounceReason(Side side) {
        this.side = side;
    }

    public Side side() {
        return side;
    }

    /** Whether the reason says the address itself cannot receive mail. */
    public boolean addressInvalid() {
        return this == USER_UNKNOWN || this == HOST_UNKNOWN;
    }

    /** Whether protection counts it against the sending mailbox and its domain. */
    public boolean countsAgainstSender() {
        return side == Side.SENDER;
    }

    /**
     * HARD only for an invalid address with a permanent result (5.x.x, or 5xx without a status);
     * every other bounce is SOFT. This is {@code EmailBounced.bounceClass}.
     */
    public String bounceClass(boolean permanent) {
        return addressInvalid() && permanent ? "HARD" : "SOFT";
    }

    /** The action for a bounce of this reason, permanent or temporary. */
    public Action action(boolean permanent) {
        if (addressInvalid()) {
            return permanent ? Action.SUPPRESS_ADDRESS : Action.RETRY;
        }
        if (countsAgainstSender()) {
            return Action.PROTECT_SENDER;
        }
        return this == OTHER && permanent ? Action.RECORD_ONLY : Action.RETRY;
    }
}
