-- The execution model of seed 003 (ADR 0022): PENDING runs, pause causes, stopped runs, campaign
-- versions, step conditions, per-campaign policy actions and paused leads.
ALTER TABLE run_view ADD COLUMN pause_cause      VARCHAR(16);
ALTER TABLE run_view ADD COLUMN closed           BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE run_view ADD COLUMN campaign_version INT     NOT NULL DEFAULT 1;
CREATE INDEX run_view_waiting ON run_view (due_tick, run_id COLLATE "C") WHERE status = 'WAITING';
CREATE INDEX run_view_pending ON run_view (campaign_id) WHERE status = 'PENDING';
CREATE INDEX run_view_lead ON run_view (org_id, lead_id);

-- Version 1 of a campaign is campaign_step; each edit of the steps adds a version here (JSON of the
-- steps), immutable once written. enrol_version: the version new runs start with, set when the
-- sequencer reads its CampaignVersionPublished back (an ordered input, so replay enrols the same).
CREATE TABLE campaign_version (
    campaign_id VARCHAR(64) NOT NULL REFERENCES campaign (campaign_id),
    version     INT         NOT NULL CHECK (version >= 2),
    steps_json  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, version)
);
ALTER TABLE campaign ADD COLUMN latest_version INT NOT NULL DEFAULT 1;
ALTER TABLE campaign ADD COLUMN enrol_version  INT NOT NULL DEFAULT 1;
ALTER TABLE campaign ADD COLUMN policy_actions TEXT;
ALTER TABLE campaign_step ADD COLUMN condition TEXT;

-- Leads an operator paused; written only by the ordered input (RunControlRequested read back).
CREATE TABLE lead_pause (
    org_id  VARCHAR(64) NOT NULL,
    lead_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (org_id, lead_id)
);
-- The policy and reason last recorded as holding the run's current step (ADR 0022), so the dispatcher
-- does not ask the run again for a hold it already recorded.
ALTER TABLE run_view ADD COLUMN held_by TEXT;
-- A suppression now also ends PENDING runs: the recipient index covers them.
DROP INDEX run_view_recipient;
CREATE INDEX run_view_recipient ON run_view (org_id, email_key) WHERE status IN ('PENDING', 'ACTIVE', 'WAITING', 'PAUSED');
