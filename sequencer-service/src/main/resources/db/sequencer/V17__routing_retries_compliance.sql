-- Routing and failure classes (ADR 0019), compliance (ADR 0020).
-- A run has no mailbox until routing assigns one at its first dispatch.
ALTER TABLE run_view ALTER COLUMN mailbox_id DROP NOT NULL;
ALTER TABLE run_view ADD COLUMN attempt          INT         NOT NULL DEFAULT 0;
ALTER TABLE run_view ADD COLUMN avoid_mailbox_id VARCHAR(64);
ALTER TABLE run_view ADD COLUMN avoid_since_tick BIGINT      NOT NULL DEFAULT -1;
ALTER TABLE run_view ADD COLUMN esp              VARCHAR(16) NOT NULL DEFAULT 'UNKNOWN';
ALTER TABLE run_view ADD COLUMN yellow           BOOLEAN     NOT NULL DEFAULT FALSE;
ALTER TABLE run_view ADD COLUMN pause_reason     TEXT;
ALTER TABLE run_view ALTER COLUMN status TYPE VARCHAR(16);

-- A mailbox the send adapter found disconnected (credentials refused) is not routed to; since when a
-- mailbox has been unable to send, in ticks, decides when its sticky runs move elsewhere.
ALTER TABLE mailbox_availability ADD COLUMN connected         BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE mailbox_availability ADD COLUMN unavailable_since BIGINT;
-- mailboxes already paused count from the upgrade's tick: when they were paused was not recorded
UPDATE mailbox_availability SET unavailable_since = (SELECT tick FROM clock_state WHERE id = 1) WHERE NOT can_send;

-- Campaign settings: how long a run waits for its sticky mailbox before it moves; EU compliance mode.
ALTER TABLE campaign ADD COLUMN reassign_after_ticks BIGINT  NOT NULL DEFAULT 1440;
ALTER TABLE campaign ADD COLUMN eu_compliance_mode   BOOLEAN NOT NULL DEFAULT FALSE;

-- The YELLOW budget counts YELLOW recipients among each mailbox's latest sends.
ALTER TABLE send_ledger ADD COLUMN yellow BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX send_ledger_mailbox_seq ON send_ledger (mailbox_id, seq DESC);

-- Each mailbox's record with each recipient ESP per day (tick / 1440), for routing's performance score.
CREATE TABLE mailbox_esp_day (
    mailbox_id VARCHAR(64) NOT NULL,
    esp        VARCHAR(16) NOT NULL,
    day        BIGINT      NOT NULL,
    delivered  INT         NOT NULL DEFAULT 0,
    replied    INT         NOT NULL DEFAULT 0,
    bounced    INT         NOT NULL DEFAULT 0,
    deferred   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (mailbox_id, esp, day)
);

-- The organization's postal address (CAN-SPAM), from OrganizationMailingAddressSet.
CREATE TABLE org_mailing_address (
    org_id          VARCHAR(64) PRIMARY KEY,
    mailing_address TEXT        NOT NULL
);
