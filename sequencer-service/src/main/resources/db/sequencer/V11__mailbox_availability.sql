-- Mailboxes the protection layer does not let send (from superkabe.mailbox-states, canSend=false).
CREATE TABLE mailbox_availability (
    mailbox_id VARCHAR(64) PRIMARY KEY,
    can_send   BOOLEAN     NOT NULL
);
