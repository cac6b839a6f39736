-- Whether a mailbox's credentials work: a refused login disconnects it until an operator replaces them.
-- connection_generation counts changes and names each MailboxConnectionChanged event.
ALTER TABLE mailbox
    ADD COLUMN connected             BOOLEAN     NOT NULL DEFAULT TRUE,
    ADD COLUMN connection_reason     TEXT,
    ADD COLUMN connection_changed_at TIMESTAMPTZ,
    ADD COLUMN connection_generation INT         NOT NULL DEFAULT 0;

-- AMBIGUOUS sends waiting to be looked for in the mailbox's Sent folder (ADR 0007): the request as it
-- came (to publish the outcome as its consequence), the Message-ID, and when the next check is due.
CREATE TABLE pending_reconciliation (
    send_id           VARCHAR(64)  PRIMARY KEY,
    mailbox_id        VARCHAR(64)  NOT NULL,
    message_id        VARCHAR(512) NOT NULL,
    detail            TEXT         NOT NULL,
    checks            INT          NOT NULL DEFAULT 0,
    due_at            TIMESTAMPTZ  NOT NULL,
    cause_id          TEXT         NOT NULL,
    cause_source      TEXT         NOT NULL,
    cause_time        TIMESTAMPTZ  NOT NULL,
    cause_correlation TEXT,
    cause_tick        BIGINT       NOT NULL,
    request           BYTEA        NOT NULL
);
CREATE INDEX pending_reconciliation_due ON pending_reconciliation (due_at);
