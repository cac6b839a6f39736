-- The sequencer partitioned by organization (ADR 0065): each shard (superkabe.sequencer.shards, default 1)
-- owns whole organizations, decides from its own recorded input order and runs its own ticks. With one
-- shard every row is shard 0 and every query below reads what it read before.

-- A run's shard, fixed from its organization when the run is enrolled; the due and wait-over scans read
-- one shard's runs, their keyset still an index condition. run_view_due and run_view_waiting serve the
-- previous version during a rolling update and are dropped a release later.
ALTER TABLE run_view ADD COLUMN shard INT NOT NULL DEFAULT 0;
CREATE INDEX run_view_shard_due ON run_view (shard, due_tick, run_id COLLATE "C")
    WHERE status IN ('ACTIVE', 'WAITING') AND NOT in_flight;
CREATE INDEX run_view_shard_waiting ON run_view (shard, due_tick, run_id COLLATE "C") WHERE status = 'WAITING';

-- The shard that requested each send: a sending domain's bulk-sender budget is split into equal shares per
-- shard (the one cap whose scope, a sending domain, may span organizations), each counted from its own sends.
ALTER TABLE send_ledger ADD COLUMN shard INT NOT NULL DEFAULT 0;

-- Each shard's logical now: row id = shard + 1 (row 1 is shard 0, as before).
ALTER TABLE clock_state DROP CONSTRAINT clock_state_id_check;
ALTER TABLE clock_state ADD CONSTRAINT clock_state_id_check CHECK (id >= 1);

-- With more than one shard, each shard's inputs in its handling order: a tick, which every shard handles,
-- is recorded once per shard. With one shard the service's inbox keeps this role, as before.
CREATE TABLE shard_inbox (
    shard      INT          NOT NULL,
    seq        BIGSERIAL    NOT NULL,
    event_id   VARCHAR(64)  NOT NULL,
    event_type VARCHAR(128) NOT NULL,
    topic      VARCHAR(128) NOT NULL,
    record_key VARCHAR(256),
    headers    TEXT         NOT NULL,
    payload    BYTEA        NOT NULL,
    handled_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (shard, event_id)
);
CREATE INDEX shard_inbox_order ON shard_inbox (shard, seq);

-- The shard count this installation decides with, written at the first start: an organization's shard, the
-- per-shard inboxes and clocks and the consumer groups all depend on it, so a replica started with another
-- count refuses to start instead of deciding twice (ADR 0065).
CREATE TABLE sequencer_shard_count (
    id     INT PRIMARY KEY CHECK (id = 1),
    shards INT NOT NULL CHECK (shards >= 1)
);
