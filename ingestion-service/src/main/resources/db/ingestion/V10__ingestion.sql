CREATE TABLE organization (
    org_id     VARCHAR(64) PRIMARY KEY,
    name       VARCHAR(256) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The org-wide Lead table: only leads that passed the ingestion gate.
CREATE TABLE lead (
    lead_id     VARCHAR(64)  PRIMARY KEY,
    org_id      VARCHAR(64)  NOT NULL,
    email       VARCHAR(320) NOT NULL,
    first_name  VARCHAR(256),
    last_name   VARCHAR(256),
    company     VARCHAR(256),
    title       VARCHAR(256),
    campaign_id VARCHAR(64),
    health      VARCHAR(8)   NOT NULL,
    score       INT          NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (org_id, email)
);
