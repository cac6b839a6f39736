-- The skeleton's two lead tables become one lead-in-gate table with the lead's gate state.
DROP TABLE held_lead;
DROP TABLE allowed_lead;

-- One row per (lead, campaign): HELD (SYNC_ISSUE, waits for configuration), PAUSED (HEALTH_ISSUE,
-- waits for an operator), RETRYING (INFRA_ISSUE, waits for next_tick), ACTIVE (allowed).
CREATE TABLE gate_lead (
    seq         BIGSERIAL,
    lead_id     VARCHAR(64)  NOT NULL,
    campaign_id VARCHAR(64)  NOT NULL,
    org_id      VARCHAR(64)  NOT NULL,
    email       VARCHAR(320) NOT NULL,
    first_name  VARCHAR(256),
    last_name   VARCHAR(256),
    company     VARCHAR(256),
    title       VARCHAR(256),
    status      VARCHAR(16)  NOT NULL,
    attempts    INT          NOT NULL DEFAULT 0,
    next_tick   BIGINT,
    PRIMARY KEY (lead_id, campaign_id)
);
CREATE INDEX gate_lead_campaign ON gate_lead (campaign_id, status, seq);
CREATE INDEX gate_lead_retry ON gate_lead (status, next_tick);

-- Every decision, for GET /api/v1/leads/{id}/gate-decisions.
CREATE TABLE gate_decision (
    seq           BIGSERIAL PRIMARY KEY,
    org_id        VARCHAR(64)  NOT NULL,
    lead_id       VARCHAR(64)  NOT NULL,
    campaign_id   VARCHAR(64)  NOT NULL,
    tick          BIGINT       NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    mode          VARCHAR(16)  NOT NULL,
    failure_class VARCHAR(16),
    reason        TEXT,
    is_retryable  BOOLEAN,
    is_deferrable BOOLEAN,
    checks        TEXT         NOT NULL,
    warnings      TEXT         NOT NULL,
    event_id      VARCHAR(64)  NOT NULL
);
CREATE INDEX gate_decision_lead ON gate_decision (lead_id, seq);

-- The gate's copy of mailbox health: protection state, and its recent sending from send outcomes.
-- outcome_window: the last 100 outcomes, one letter each (S sent, B hard bounce, F other failure).
CREATE TABLE mailbox_view (
    mailbox_id     VARCHAR(64)  PRIMARY KEY,
    org_id         VARCHAR(64),
    domain         VARCHAR(253),
    daily_limit    INT          NOT NULL DEFAULT 50,
    state          VARCHAR(32)  NOT NULL DEFAULT 'healthy',
    trigger        VARCHAR(64),
    outcome_window VARCHAR(100) NOT NULL DEFAULT '',
    send_ticks     TEXT         NOT NULL DEFAULT ''
);
CREATE INDEX mailbox_view_domain ON mailbox_view (domain, state);

CREATE TABLE domain_view (
    domain VARCHAR(253) PRIMARY KEY,
    state  VARCHAR(32)  NOT NULL
);

CREATE TABLE org_mode (
    org_id VARCHAR(64) PRIMARY KEY,
    mode   VARCHAR(16) NOT NULL
);

-- The gate's logical now, and per organization the last tick the protection view was current at.
CREATE TABLE gate_clock (
    id   INT PRIMARY KEY CHECK (id = 1),
    tick BIGINT NOT NULL
);
INSERT INTO gate_clock VALUES (1, 0);

CREATE TABLE protection_watermark (
    org_id VARCHAR(64) PRIMARY KEY,
    tick   BIGINT      NOT NULL
);
