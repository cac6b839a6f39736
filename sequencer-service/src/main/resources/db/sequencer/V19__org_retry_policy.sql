-- An organization's retry policy for transient send failures (ADR 0019), from SendRetrySettingsChanged.
CREATE TABLE org_retry_policy (
    org_id         VARCHAR(64) PRIMARY KEY,
    base_ticks     BIGINT      NOT NULL,
    max_ticks      BIGINT      NOT NULL,
    give_up_ticks  BIGINT      NOT NULL,
    jitter_percent INT         NOT NULL
);
