-- A Gmail client id may be up to 256 characters (the API's limit, as the reply poller keeps it); the
-- column held 128, so a longer id passed validation and failed the insert with a 500.
ALTER TABLE mailbox ALTER COLUMN oauth_client_id TYPE VARCHAR(256);
