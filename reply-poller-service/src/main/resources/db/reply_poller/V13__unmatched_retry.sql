-- Reply-looking inbox messages of API mailboxes that matched no sent message when read (ADR 0021). The
-- cursor has passed them, so they are matched again on each poll for superkabe.poll.unmatched-retry: a
-- reply read before its EmailSent reached this service is still published. Headers only, never a body.
CREATE TABLE unmatched_message (
    mailbox_id VARCHAR(64)  NOT NULL REFERENCES mailbox (mailbox_id),
    message_id VARCHAR(998) NOT NULL,
    message    TEXT         NOT NULL,
    first_seen TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (mailbox_id, message_id)
);
CREATE INDEX unmatched_message_first_seen ON unmatched_message (first_seen);
