-- Mailboxes to poll, from MailboxRegistered. The IMAP password stays sealed (SecretBox ciphertext).
CREATE TABLE mailbox (
    mailbox_id           VARCHAR(64)  PRIMARY KEY,
    org_id               VARCHAR(64)  NOT NULL,
    address              VARCHAR(320) NOT NULL,
    imap_host            VARCHAR(255),
    imap_port            INTEGER,
    imap_security        VARCHAR(16),
    imap_username        VARCHAR(320),
    imap_password_secret TEXT
);

-- Messages we sent, by normalised Message-ID (no angle brackets), from EmailSent.
CREATE TABLE sent_message (
    message_id VARCHAR(998) PRIMARY KEY,
    org_id     VARCHAR(64)  NOT NULL,
    mailbox_id VARCHAR(64)  NOT NULL,
    send_id    VARCHAR(128) NOT NULL,
    run_id     VARCHAR(128) NOT NULL,
    lead_id    VARCHAR(128)
);

-- Inbox messages already turned into an event: exactly one event per reply, across polls and restarts.
CREATE TABLE processed_message (
    mailbox_id   VARCHAR(64)  NOT NULL,
    message_id   VARCHAR(998) NOT NULL,
    reply_id     VARCHAR(64)  NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (mailbox_id, message_id)
);
