-- The complete ingestion gate: lead status kept from other services, per-org lead-health policy,
-- idempotent REST submissions, Clay webhook secrets and seen signatures.
ALTER TABLE lead ADD COLUMN lead_score INT;
ALTER TABLE lead ADD COLUMN status_reason VARCHAR(512);
ALTER TABLE lead ADD COLUMN replied BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE lead ADD COLUMN status_changed_at TIMESTAMPTZ;

-- Run events carry only the run id; this maps runs to the org-wide lead.
CREATE TABLE run_lead (
    run_id  VARCHAR(64) PRIMARY KEY,
    lead_id VARCHAR(64) NOT NULL
);

CREATE TABLE lead_health_policy (
    org_id     VARCHAR(64) PRIMARY KEY,
    policy     TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The stored answer to a request made with an Idempotency-Key, replayed for the same key and body.
CREATE TABLE idempotent_request (
    org_id       VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(256) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INT          NOT NULL,
    body         TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, idem_key)
);

-- Clay webhook secrets, sealed with the platform key (SecretBox).
CREATE TABLE clay_secret (
    org_id     VARCHAR(64) PRIMARY KEY,
    sealed     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Signatures already accepted inside the replay window: the same signed request is refused twice.
CREATE TABLE clay_seen_signature (
    signature VARCHAR(64) PRIMARY KEY,
    seen_at   TIMESTAMPTZ NOT NULL
);
