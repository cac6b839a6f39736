-- OAuth2 application credentials for API providers (Microsoft Graph): secrets are sealed like SMTP passwords.
ALTER TABLE mailbox
    ADD COLUMN oauth_tenant        VARCHAR(128),
    ADD COLUMN oauth_client_id     VARCHAR(128),
    ADD COLUMN oauth_client_secret TEXT,
    ADD COLUMN oauth_refresh_token TEXT;
