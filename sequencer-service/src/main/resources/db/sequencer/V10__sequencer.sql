-- Axon's JDBC event store (Axon does not create these; the columns follow its default EventSchema).
CREATE TABLE domainevententry (
    globalindex         BIGSERIAL    NOT NULL,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalindex),
    UNIQUE (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE campaign (
    campaign_id VARCHAR(64)  PRIMARY KEY,
    org_id      VARCHAR(64)  NOT NULL,
    name        VARCHAR(256) NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    mailbox_ids TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE campaign_step (
    campaign_id VARCHAR(64) NOT NULL REFERENCES campaign (campaign_id),
    step_no     INT         NOT NULL,
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    delay_ticks BIGINT      NOT NULL,
    PRIMARY KEY (campaign_id, step_no)
);

-- The run read model; written in the same transaction as the run's events.
CREATE TABLE run_view (
    run_id       VARCHAR(64)  PRIMARY KEY,
    org_id       VARCHAR(64)  NOT NULL,
    campaign_id  VARCHAR(64)  NOT NULL,
    lead_id      VARCHAR(64)  NOT NULL,
    email        VARCHAR(320) NOT NULL,
    mailbox_id   VARCHAR(64)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    current_step INT          NOT NULL,
    due_tick     BIGINT       NOT NULL,
    in_flight    BOOLEAN      NOT NULL
);
CREATE INDEX run_view_due ON run_view (due_tick, run_id COLLATE "C") WHERE status IN ('ACTIVE', 'WAITING') AND NOT in_flight;
CREATE INDEX run_view_campaign ON run_view (campaign_id);

-- Every transition of every run, for the API and forensics.
CREATE TABLE run_transition (
    seq        BIGSERIAL   PRIMARY KEY,
    run_id     VARCHAR(64)  NOT NULL,
    event_type VARCHAR(128) NOT NULL,
    tick       BIGINT       NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    event_id   VARCHAR(64)  NOT NULL,
    payload    TEXT         NOT NULL
);
CREATE INDEX run_transition_run ON run_transition (run_id, seq);

-- The last tick consumed from the clock topic (the sequencer's logical now).
CREATE TABLE clock_state (
    id   INT PRIMARY KEY CHECK (id = 1),
    tick BIGINT NOT NULL
);
INSERT INTO clock_state VALUES (1, 0);

-- The ticker's own counter: the clock topic's single writer numbers ticks from here.
CREATE TABLE clock_source (
    id        INT PRIMARY KEY CHECK (id = 1),
    last_tick BIGINT NOT NULL
);
INSERT INTO clock_source VALUES (1, 0);
