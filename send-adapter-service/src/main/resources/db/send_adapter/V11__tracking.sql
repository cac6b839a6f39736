-- What a tracking token is resolved to: tokens carry only the send id, never the recipient.
-- Rows claimed before this migration have NULLs here; their tokens (none were issued) resolve to nothing.
ALTER TABLE send_attempt
    ADD COLUMN org_id      VARCHAR(64),
    ADD COLUMN run_id      TEXT,
    ADD COLUMN campaign_id TEXT,
    ADD COLUMN lead_id     TEXT,
    ADD COLUMN step        INT,
    ADD COLUMN recipient   VARCHAR(320);

-- One row per engagement already published (unsubscribe/<send>, open/<send>, click/<send>/<url id>):
-- a repeated unsubscribe POST or pixel fetch finds its row and publishes nothing.
CREATE TABLE tracking_event (
    event_key   TEXT         PRIMARY KEY,
    send_id     VARCHAR(64)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    recorded_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
