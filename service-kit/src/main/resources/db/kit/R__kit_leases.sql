-- Named leases: which instance of this service may do a one-writer job (relay the outbox, write the clock,
-- decide in the sequencer) and under which epoch (ADR 0050). Repeatable and idempotent, so schemas that
-- already have later versioned migrations get it too.
CREATE TABLE IF NOT EXISTS leases (
    name       VARCHAR(128) PRIMARY KEY,
    holder     VARCHAR(256) NOT NULL,
    epoch      BIGINT       NOT NULL,
    expires_at TIMESTAMPTZ  NOT NULL
);
