-- A From address belongs to one organization (ADR 0027). address_key is the address normalised
-- (case-folded, the domain in IDNA ASCII form) by the service; unique across all organizations.
-- Existing rows: the earliest registration of an address keeps it; later ones by other organizations
-- (registered before this rule) keep working but hold no key, so nobody can register it again.
ALTER TABLE mailbox ADD COLUMN address_key VARCHAR(320);
UPDATE mailbox m SET address_key = lower(m.address)
 WHERE m.mailbox_id = (SELECT first.mailbox_id FROM mailbox first
                        WHERE lower(first.address) = lower(m.address)
                        ORDER BY first.created_at, first.mailbox_id LIMIT 1);
CREATE UNIQUE INDEX mailbox_address_key ON mailbox (address_key);
