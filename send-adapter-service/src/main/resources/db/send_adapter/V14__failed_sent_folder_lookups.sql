-- Sent-folder lookups that failed (IMAP login refused, API error) are counted apart from real checks,
-- so a send is never reported "not found" when nobody could look.
ALTER TABLE pending_reconciliation ADD COLUMN failed_lookups INT NOT NULL DEFAULT 0;
