-- PATCH /api/v1/campaigns/{id} status changes (ADR 0018 §pause): the version numbers each change, so
-- each CampaignStatusChanged gets its own deterministic event id.
ALTER TABLE campaign ADD COLUMN status_version INT NOT NULL DEFAULT 0;

-- Campaigns whose due runs the dispatcher skips (they stay due). Written only by the sequencer's
-- ordered input queue reading CampaignStatusChanged back, so replay pauses at the same tick.
CREATE TABLE campaign_dispatch_pause (
    campaign_id VARCHAR(64) PRIMARY KEY REFERENCES campaign (campaign_id)
);
