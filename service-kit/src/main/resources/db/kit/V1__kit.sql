-- Tables every service owns in its own schema: inbox (idempotency + input history), outbox, API keys.

-- Every input event handled, in handling order: dedupe by event id, and the input history that
-- replay feeds into a fresh decider.
CREATE TABLE inbox (
    seq          BIGSERIAL PRIMARY KEY,
    event_id     VARCHAR(64)  NOT NULL UNIQUE,
    event_type   VARCHAR(128) NOT NULL,
    topic        VARCHAR(128) NOT NULL,
    record_key   VARCHAR(256),
    headers      TEXT         NOT NULL,
    payload      BYTEA        NOT NULL,
    handled_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- Events decided but not yet on Kafka; written in the deciding transaction, relayed in id order.
CREATE TABLE outbox (
    id         BIGSERIAL PRIMARY KEY,
    topic      VARCHAR(128) NOT NULL,
    record_key VARCHAR(256) NOT NULL,
    headers    TEXT         NOT NULL,
    payload    BYTEA        NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- API keys by SHA-256 hash, projected from superkabe.organizations.
CREATE TABLE api_keys (
    key_sha256 VARCHAR(64) PRIMARY KEY,
    org_id     VARCHAR(64)  NOT NULL,
    org_name   VARCHAR(256) NOT NULL
);
