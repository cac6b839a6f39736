-- Revoked intake producer keys (issue #12): the row stays, so a record signed with the key is refused
-- with the reason "revoked" and the organization's list shows when it was revoked.
ALTER TABLE intake_producer_key ADD COLUMN revoked_at TIMESTAMPTZ;
