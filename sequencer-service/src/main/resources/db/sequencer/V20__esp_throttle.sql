-- Adaptive ESP throttling (ADR 0019): each send's recipient ESP in the ledger, and the throttled
-- (mailbox, ESP) pairs: level n allows hourly_limit sends per 60 ticks, changed at changed_tick.
ALTER TABLE send_ledger ADD COLUMN esp VARCHAR(16);
CREATE INDEX send_ledger_mailbox_esp ON send_ledger (mailbox_id, esp, tick) WHERE esp IS NOT NULL;
CREATE TABLE mailbox_esp_throttle (
    mailbox_id   VARCHAR(64) NOT NULL,
    esp          VARCHAR(16) NOT NULL,
    org_id       VARCHAR(64),
    level        INT         NOT NULL CHECK (level >= 1),
    hourly_limit INT         NOT NULL CHECK (hourly_limit >= 1),
    changed_tick BIGINT      NOT NULL,
    PRIMARY KEY (mailbox_id, esp)
);
CREATE INDEX mailbox_esp_throttle_changed ON mailbox_esp_throttle (changed_tick);
