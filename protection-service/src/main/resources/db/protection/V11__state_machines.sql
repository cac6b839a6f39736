-- Mailbox and domain state machines (state-stored; every transition is also a state_transitions
-- row and an event). Replaces the skeleton's mailbox_counters, whose counts are carried over.
CREATE TABLE mailbox_state (
    mailbox_id       VARCHAR(64)  PRIMARY KEY,
    org_id           VARCHAR(64)  NOT NULL,
    address          VARCHAR(320),
    domain           VARCHAR(255),
    registered       BOOLEAN      NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    window_bytes     BYTEA        NOT NULL,
    window_esps      VARCHAR(64)  NOT NULL DEFAULT '',
    offences         INT          NOT NULL DEFAULT 0,
    relapses         INT          NOT NULL DEFAULT 0,
    cooldown_until   BIGINT       NOT NULL DEFAULT -1,
    manual_review    BOOLEAN      NOT NULL DEFAULT FALSE,
    phase_entered    BIGINT       NOT NULL DEFAULT 0,
    clean_in_phase   INT          NOT NULL DEFAULT 0,
    sends_in_phase   INT          NOT NULL DEFAULT 0,
    bounces_in_phase INT          NOT NULL DEFAULT 0,
    cascade_from     VARCHAR(32),
    domain_paused    BOOLEAN      NOT NULL DEFAULT FALSE,
    last_dns_tick    BIGINT       NOT NULL DEFAULT -1,
    last_dns_passed  BOOLEAN      NOT NULL DEFAULT FALSE,
    warmup_limit     INT          NOT NULL DEFAULT -1,
    sends            BIGINT       NOT NULL DEFAULT 0,
    bounces          BIGINT       NOT NULL DEFAULT 0,
    failures         BIGINT       NOT NULL DEFAULT 0,
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX mailbox_state_org_status ON mailbox_state (org_id, status);
CREATE INDEX mailbox_state_domain ON mailbox_state (org_id, domain);

INSERT INTO mailbox_state (mailbox_id, org_id, address, domain, registered, status, window_bytes, sends, bounces,
                           failures)
SELECT mailbox_id, org_id, address, domain, registered, 'HEALTHY', ''::bytea, sends, bounces, failures
FROM mailbox_counters;
DROP TABLE mailbox_counters;

CREATE TABLE domain_state (
    org_id     VARCHAR(64)  NOT NULL,
    domain     VARCHAR(255) NOT NULL,
    status     VARCHAR(32)  NOT NULL,
    mailboxes  INT          NOT NULL DEFAULT 0,
    unhealthy  INT          NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, domain)
);

-- The audit trail: every transition of every mailbox and domain (kept 180 days by retention jobs).
CREATE TABLE state_transitions (
    id           BIGSERIAL    PRIMARY KEY,
    org_id       VARCHAR(64)  NOT NULL,
    entity_type  VARCHAR(16)  NOT NULL,
    entity_id    VARCHAR(255) NOT NULL,
    from_state   VARCHAR(32),
    to_state     VARCHAR(32)  NOT NULL,
    reason       TEXT         NOT NULL,
    triggered_by VARCHAR(32)  NOT NULL,
    actor        VARCHAR(128) NOT NULL,
    forced       BOOLEAN      NOT NULL,
    warning      TEXT,
    mode         VARCHAR(16)  NOT NULL,
    enforced     BOOLEAN      NOT NULL,
    logical_tick BIGINT       NOT NULL,
    wall_time    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    event_id     VARCHAR(64)  NOT NULL UNIQUE
);
CREATE INDEX state_transitions_entity ON state_transitions (org_id, entity_type, entity_id, id);

-- Each send counted once, even if its outcome is published again under another event id.
CREATE TABLE counted_sends (
    mailbox_id VARCHAR(64) NOT NULL,
    send_id    VARCHAR(128) NOT NULL,
    PRIMARY KEY (mailbox_id, send_id)
);

CREATE TABLE org_settings (
    org_id          VARCHAR(64) PRIMARY KEY,
    mode            VARCHAR(16),
    manual_override BOOLEAN     NOT NULL DEFAULT FALSE,
    warning_bounces INT,
    warning_window  INT,
    pause_bounces   INT,
    pause_window    INT
);

CREATE TABLE logical_clock (
    id   INT    PRIMARY KEY CHECK (id = 1),
    tick BIGINT NOT NULL
);

CREATE TABLE dns_checks (
    id       BIGSERIAL    PRIMARY KEY,
    org_id   VARCHAR(64)  NOT NULL,
    domain   VARCHAR(255) NOT NULL,
    tick     BIGINT       NOT NULL,
    verdict  VARCHAR(16)  NOT NULL,
    detail   TEXT         NOT NULL,
    at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE SEQUENCE operator_requests;
