package com.superkabe.events.run;

/** The named policies the gate evaluates before every step, in this order. */
public enum SendPolicy {
    /** The lead is paused by an operator (every run of the lead). */
    LEAD_PAUSED,
    /** The address is suppressed in the organization; the run ends (UNSUBSCRIBED or BOUNCED). */
    SUPPRESSION,
    /** A step condition on the execution context (opened, clicked, not opened within) is not met. */
    STEP_CONDITION,
    /** The organization has no postal address for the CAN-SPAM footer. */
    COMPLIANCE,
    /** The campaign's sending window is closed. */
    SENDING_WINDOW,
    /** No mailbox of the campaign can send (paused, disconnected, refused the step). */
    MAILBOX_HEALTH,
    /** Daily caps, warmup limits, the send gap and ESP throttling. */
    CAPS_AND_RATE_LIMITS,
    /** The mailbox's share of YELLOW recipients is used up. */
    YELLOW_BUDGET,
    /** The sending domain's daily budget to consumer Gmail and Outlook (the bulk-sender line). */
    ORGANIZATION_SEND_BUDGET
}
