-- Per-organization cooldowns and the "new mailboxes warm up" choice, next to the thresholds
-- (NULL: the service's default), and the audit trail of every policy change.
ALTER TABLE org_settings ADD COLUMN cooldown_ticks VARCHAR(300);
ALTER TABLE org_settings ADD COLUMN warm_new_mailboxes BOOLEAN;

CREATE TABLE policy_changes (
    id           BIGSERIAL    PRIMARY KEY,
    org_id       VARCHAR(64)  NOT NULL,
    actor        VARCHAR(128) NOT NULL,
    reason       TEXT,
    before_json  TEXT         NOT NULL,
    after_json   TEXT         NOT NULL,
    logical_tick BIGINT       NOT NULL,
    wall_time    TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX policy_changes_org ON policy_changes (org_id, id);
