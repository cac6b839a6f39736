-- The organization's postal address for the CAN-SPAM footer (ADR 0020). The version counts the
-- changes: it names each OrganizationMailingAddressSet event, so setting an earlier address again
-- is a new fact with a new event id, and setting the current one again is none.
ALTER TABLE organization ADD COLUMN mailing_address TEXT;
ALTER TABLE organization ADD COLUMN mailing_address_version INT NOT NULL DEFAULT 0;
