CREATE TABLE campaign_view (
    campaign_id VARCHAR(64) PRIMARY KEY,
    org_id      VARCHAR(64) NOT NULL,
    status      VARCHAR(32) NOT NULL,
    mailbox_ids TEXT        NOT NULL
);

CREATE TABLE held_lead (
    seq         BIGSERIAL PRIMARY KEY,
    lead_id     VARCHAR(64)  NOT NULL,
    campaign_id VARCHAR(64)  NOT NULL,
    org_id      VARCHAR(64)  NOT NULL,
    email       VARCHAR(320) NOT NULL,
    first_name  VARCHAR(256),
    last_name   VARCHAR(256),
    company     VARCHAR(256),
    title       VARCHAR(256),
    UNIQUE (lead_id, campaign_id)
);
CREATE INDEX held_lead_campaign ON held_lead (campaign_id, seq);

CREATE TABLE allowed_lead (
    lead_id     VARCHAR(64) NOT NULL,
    campaign_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (lead_id, campaign_id)
);
