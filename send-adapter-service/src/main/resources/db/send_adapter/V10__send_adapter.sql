-- The mailbox registry (ConnectedAccount): this service owns connections and sealed credentials.
CREATE TABLE mailbox (
    mailbox_id    VARCHAR(64)  PRIMARY KEY,
    org_id        VARCHAR(64)  NOT NULL,
    address       VARCHAR(320) NOT NULL,
    domain        VARCHAR(253) NOT NULL,
    provider      VARCHAR(16)  NOT NULL,
    daily_limit   INT          NOT NULL,
    smtp_host     VARCHAR(253),
    smtp_port     INT,
    smtp_security VARCHAR(16),
    smtp_username VARCHAR(320),
    smtp_secret   TEXT,
    imap_host     VARCHAR(253),
    imap_port     INT,
    imap_security VARCHAR(16),
    imap_username VARCHAR(320),
    imap_secret   TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (org_id, address)
);

-- One row per send id, written before any side effect: the guarantee that no send is made twice.
CREATE TABLE send_attempt (
    send_id     VARCHAR(64)  PRIMARY KEY,
    mailbox_id  VARCHAR(64)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    message_id  VARCHAR(512) NOT NULL,
    outcome     VARCHAR(32),
    smtp_code   INT,
    detail      TEXT,
    started_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    finished_at TIMESTAMPTZ
);
