-- Dedupe per (campaign, lead): every (lead, campaign) pair ingestion has announced on superkabe.leads,
-- with the intake-topic event that asked for it (a redelivered event announces it again) and what
-- became of it (gate decisions and runs report per campaign).
CREATE TABLE enrolment (
    lead_id         VARCHAR(64)  NOT NULL,
    campaign_id     VARCHAR(64)  NOT NULL,
    org_id          VARCHAR(64)  NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    source_event_id VARCHAR(64),
    status          VARCHAR(16)  NOT NULL DEFAULT 'REQUESTED',
    status_reason   VARCHAR(512),
    requested_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    run_id          VARCHAR(64),
    PRIMARY KEY (lead_id, campaign_id)
);
-- run events carry only the run id: this finds the enrolment a run belongs to
CREATE INDEX enrolment_run ON enrolment (run_id);
INSERT INTO enrolment(lead_id, campaign_id, org_id, channel, source_event_id)
SELECT lead_id, campaign_id, org_id, channel, source_event_id FROM lead WHERE campaign_id IS NOT NULL;

-- A lead submitted without a campaign waits to be enrolled: STORED, not HELD.
UPDATE lead SET status = 'STORED' WHERE campaign_id IS NULL AND status = 'HELD';

-- The campaigns ingestion knows from superkabe.campaigns: whose they are and their status.
CREATE TABLE campaign_view (
    campaign_id VARCHAR(64) PRIMARY KEY,
    org_id      VARCHAR(64) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
