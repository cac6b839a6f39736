-- Per-mailbox counters from send outcomes. A row may exist before its MailboxRegistered
-- (registered = false, address and domain unknown): outcomes are never dropped.
CREATE TABLE mailbox_counters (
    mailbox_id VARCHAR(64)  PRIMARY KEY,
    org_id     VARCHAR(64)  NOT NULL,
    address    VARCHAR(320),
    domain     VARCHAR(255),
    registered BOOLEAN      NOT NULL,
    sends      BIGINT       NOT NULL DEFAULT 0,
    bounces    BIGINT       NOT NULL DEFAULT 0,
    failures   BIGINT       NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (sends >= 0 AND bounces >= 0 AND failures >= 0 AND bounces <= sends)
);
CREATE INDEX mailbox_counters_org ON mailbox_counters (org_id);
