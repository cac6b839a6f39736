-- The bulk-sender budget (ADR 0019): sends per sending domain and day to consumer Gmail and consumer
-- Outlook addresses. A mailbox's domain comes from MailboxRegistered; each ledger entry records its
-- sending domain and, when the recipient is a consumer address of one of the two, which one.
ALTER TABLE mailbox_availability ADD COLUMN domain VARCHAR(253);
ALTER TABLE send_ledger ADD COLUMN sending_domain VARCHAR(253);
ALTER TABLE send_ledger ADD COLUMN consumer_esp   VARCHAR(16);
CREATE INDEX send_ledger_bulk ON send_ledger (sending_domain, consumer_esp, sent_at) WHERE consumer_esp IS NOT NULL;
