-- The complaint rate (ADR 0026): each mailbox's sends and complaints per day of the complaint window,
-- a domain's hold after a complaint pause and the day its complaints are counted from, and the
-- organization's own complaint-rate lines (NULL: the service's default).
ALTER TABLE mailbox_state ADD COLUMN complaint_days BYTEA;
ALTER TABLE domain_state ADD COLUMN complaint_hold_until BIGINT NOT NULL DEFAULT -1;
ALTER TABLE domain_state ADD COLUMN complaints_since BIGINT NOT NULL DEFAULT -1;
ALTER TABLE org_settings ADD COLUMN complaint_warning_per100k INTEGER;
ALTER TABLE org_settings ADD COLUMN complaint_pause_per100k INTEGER;
ALTER TABLE org_settings ADD COLUMN complaint_minimum_sends INTEGER;
ALTER TABLE org_settings ADD COLUMN complaint_window_days INTEGER;
