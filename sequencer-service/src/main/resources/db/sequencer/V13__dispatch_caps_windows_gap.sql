-- Sending rules of a campaign (seed 002 "Sending Window & Daily Caps"). A campaign without them is
-- always open (days counted in UTC), uncapped and unspaced, as before.
ALTER TABLE campaign ADD COLUMN schedule_timezone   VARCHAR(64);
ALTER TABLE campaign ADD COLUMN schedule_start_time TIME;
ALTER TABLE campaign ADD COLUMN schedule_end_time   TIME;
ALTER TABLE campaign ADD COLUMN schedule_days       VARCHAR(64);
ALTER TABLE campaign ADD COLUMN daily_limit         INT;
ALTER TABLE campaign ADD COLUMN send_gap_minutes    INT NOT NULL DEFAULT 0;

-- CampaignAccount.daily_limit_override: how much one mailbox may send per day for one campaign.
CREATE TABLE campaign_mailbox_limit (
    campaign_id VARCHAR(64) NOT NULL REFERENCES campaign (campaign_id),
    mailbox_id  VARCHAR(64) NOT NULL,
    daily_limit INT         NOT NULL CHECK (daily_limit >= 1),
    PRIMARY KEY (campaign_id, mailbox_id)
);

-- The mailbox's registered daily_send_limit (MailboxRegistered) and protection's warmup limit
-- (MailboxWarmupLimitSet; NULL: none). A registered mailbox can send until protection says otherwise.
ALTER TABLE mailbox_availability ALTER COLUMN can_send SET DEFAULT TRUE;
ALTER TABLE mailbox_availability ADD COLUMN daily_limit  INT;
ALTER TABLE mailbox_availability ADD COLUMN warmup_limit INT;

-- One row per SendRequested this sequencer decided, at the tick's logical instant: the daily caps
-- and the send gap are counted from it, so a replay of the inputs rebuilds the same counters.
CREATE TABLE send_ledger (
    seq         BIGSERIAL   PRIMARY KEY,
    run_id      VARCHAR(64) NOT NULL,
    campaign_id VARCHAR(64) NOT NULL,
    mailbox_id  VARCHAR(64) NOT NULL,
    tick        BIGINT      NOT NULL,
    sent_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX send_ledger_mailbox ON send_ledger (mailbox_id, sent_at);
CREATE INDEX send_ledger_campaign ON send_ledger (campaign_id, mailbox_id, sent_at);
