-- The instant before which the mailbox may not send again, fixed by the sending campaign's gap and
-- jitter when the send happens (ADR 0016): the next send of the mailbox, by any campaign, waits for it.
-- Rows written before this column exist count as a gap of 0 (coalesce with sent_at).
ALTER TABLE send_ledger ADD COLUMN next_send_at TIMESTAMPTZ;

-- The campaign's daily count reads (campaign_id, sent_at) ranges without the mailbox in between.
CREATE INDEX send_ledger_campaign_day ON send_ledger (campaign_id, sent_at);

-- The organization a mailbox was registered by (MailboxRegistered), so a campaign of another
-- organization cannot list it and use up its caps and gap. NULL: not registered here yet.
ALTER TABLE mailbox_availability ADD COLUMN org_id VARCHAR(64);
