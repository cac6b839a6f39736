-- Org-wide suppression (seed 002): addresses an organization must not email again, because the
-- recipient unsubscribed or the address hard-bounced in one of its runs. The first fact is kept.
CREATE TABLE suppression (
    org_id             VARCHAR(64) NOT NULL,
    address            TEXT        NOT NULL,
    cause              VARCHAR(16) NOT NULL,
    detail             TEXT,
    source_run_id      VARCHAR(64),
    source_campaign_id VARCHAR(64),
    tick               BIGINT      NOT NULL,
    PRIMARY KEY (org_id, address)
);

-- The run's recipient as suppression compares it (Suppression.key: trimmed, lower-cased), so the
-- runs of an address can be found when it becomes suppressed.
ALTER TABLE run_view ADD COLUMN email_key TEXT;
UPDATE run_view SET email_key = lower(btrim(email));
ALTER TABLE run_view ALTER COLUMN email_key SET NOT NULL;
CREATE INDEX run_view_recipient ON run_view (org_id, email_key) WHERE status IN ('ACTIVE', 'WAITING', 'PAUSED');
