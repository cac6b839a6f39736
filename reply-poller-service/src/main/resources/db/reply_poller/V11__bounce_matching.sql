-- A bounce names the campaign and the address that failed: keep both for the sends we know.
-- Rows recorded before this migration keep NULL (their bounces carry no campaignId).
ALTER TABLE sent_message ADD COLUMN campaign_id VARCHAR(128);
ALTER TABLE sent_message ADD COLUMN recipient VARCHAR(320);
