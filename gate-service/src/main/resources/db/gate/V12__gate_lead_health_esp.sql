-- The lead's health (GREEN/YELLOW) and recipient ESP from LeadAccepted (ADR 0019): a held, paused
-- or retried lead is allowed later from this row, and its snapshot must carry them too.
-- NULL for leads admitted before: the snapshot then omits them (read as GREEN and UNKNOWN).
ALTER TABLE gate_lead ADD COLUMN health VARCHAR(8);
ALTER TABLE gate_lead ADD COLUMN esp VARCHAR(16);
