-- Intake producer keys (ADR 0043): each binds a customer's Kafka producer to one organization; the
-- secret signs the producer's intake records and is sealed with the platform key (SecretBox).
CREATE TABLE intake_producer_key (
    producer_id VARCHAR(64) PRIMARY KEY,
    org_id      VARCHAR(64) NOT NULL,
    sealed      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX intake_producer_key_org ON intake_producer_key(org_id);
