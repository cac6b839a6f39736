-- A/B variants of a step (ADR 0018). A step without rows here sends campaign_step's own subject/body.
CREATE TABLE campaign_step_variant (
    campaign_id VARCHAR(64) NOT NULL,
    step_no     INT         NOT NULL,
    variant_no  INT         NOT NULL,
    subject     TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    weight      INT         NOT NULL CHECK (weight >= 1),
    PRIMARY KEY (campaign_id, step_no, variant_no),
    FOREIGN KEY (campaign_id, step_no) REFERENCES campaign_step (campaign_id, step_no)
);

-- The variant a SendRequested was rendered from (null: the step has no variants, or another event),
-- so analytics can attribute opens, replies and bounces to a variant.
ALTER TABLE run_transition ADD COLUMN variant INT;
