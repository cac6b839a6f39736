package com.superkabe.sequencer.domain.dispatch;

/** Why a due run was not dispatched at this tick; it stays due, on its own mailbox. */
public enum HoldReason {
    /** The campaign's sending window is closed in its time zone. */
    WINDOW_CLOSED,
    /** Protection's warmup limit for the mailbox's recovery phase is used up today. */
    WARMUP_LIMIT,
    /** The mailbox's daily send limit across all campaigns is used up today. */
    MAILBOX_DAILY_LIMIT,
    /** The campaign's daily limit (all its mailboxes together) is used up today. */
    CAMPAIGN_DAILY_LIMIT,
    /** This campaign's override for this mailbox is used up today. */
    CAMPAIGN_MAILBOX_LIMIT,
    /** The mailbox sent less than send_gap_minutes (plus jitter) ago. */
    SEND_GAP,
    /** The lead is YELLOW and the mailbox already sent its share of YELLOW recipients in its latest sends. */
    YELLOW_BUDGET,
    /** The run's sticky mailbox cannot send (paused, disconnected), not yet for long enough to move the run. */
    MAILBOX_UNAVAILABLE,
    /** Routing found no mailbox of the campaign that may send this run now. */
    NO_ELIGIBLE_MAILBOX,
    /**
     * The mailbox's sending domain already sent its daily budget to consumer Gmail (or consumer Outlook)
     * addresses, kept under the 5,000 a day past which those providers treat a domain as a bulk sender.
     */
    BULK_SENDER_BUDGET,
    /** The mailbox's hourly rate to the recipient's ESP, halved after the ESP deferred its mail, is used up. */
    ESP_THROTTLED,
    /** The organization has no postal address: nothing is sent without the CAN-SPAM footer (ADR 0020). */
    NO_MAILING_ADDRESS
}
