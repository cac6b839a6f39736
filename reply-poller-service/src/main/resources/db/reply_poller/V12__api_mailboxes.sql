-- Gmail-API and Microsoft-Graph mailboxes are read through their APIs (ADR 0021).
-- The provider comes from MailboxRegistered; rows written before this migration keep NULL (IMAP).
ALTER TABLE mailbox ADD COLUMN provider VARCHAR(16);

-- How to read a GMAIL or GRAPH inbox. MailboxRegistered carries no OAuth fields, so the credentials are
-- granted to this service directly (POST /api/v1/mailboxes/{id}/inbox-access); secrets stay sealed.
CREATE TABLE mailbox_api_access (
    mailbox_id           VARCHAR(64)  PRIMARY KEY REFERENCES mailbox (mailbox_id),
    provider             VARCHAR(16)  NOT NULL,
    tenant               VARCHAR(128),
    client_id            VARCHAR(256) NOT NULL,
    client_secret_sealed TEXT         NOT NULL,
    refresh_token_sealed TEXT,
    granted_at           TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Where the last poll of an API inbox stopped: a Gmail historyId or a Graph @odata.deltaLink.
CREATE TABLE inbox_cursor (
    mailbox_id VARCHAR(64) PRIMARY KEY REFERENCES mailbox (mailbox_id),
    position   TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
