-- The mailbox list pages by keyset in (address, mailbox id) order per organization (ADR 0044):
-- one index per way the list is read without a narrow filter (all states, one state). A domain
-- filter uses mailbox_state_domain (a domain holds few mailboxes). The provider, as registered,
-- is kept for the provider filter; a mailbox registered before this migration has none (it
-- matches no provider filter and lists without a provider).
ALTER TABLE mailbox_state ADD COLUMN provider VARCHAR(64);
CREATE INDEX mailbox_state_list ON mailbox_state (org_id, (COALESCE(address, '')), mailbox_id);
CREATE INDEX mailbox_state_list_status ON mailbox_state (org_id, status, (COALESCE(address, '')), mailbox_id);
