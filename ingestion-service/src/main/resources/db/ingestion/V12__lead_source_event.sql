-- The intake-topic event that created the lead: a redelivered event finds its own lead and announces
-- it again (its first announcement may have been in an aborted Kafka transaction); any other event
-- for the same address is a duplicate. NULL for leads that came through REST, CSV or Clay.
ALTER TABLE lead ADD COLUMN source_event_id VARCHAR(64);

-- lead_id is derived from organization and normalised address, so the primary key already makes the
-- pair unique; the second unique index only doubled the index work of every insert.
ALTER TABLE lead DROP CONSTRAINT lead_org_id_email_key;
