package com.superkabe.replypoller.adapter.out.jdbc;

import com.superkabe.replypoller.application.Mailboxes;
import com.superkabe.replypoller.application.PolledMailbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailboxes implements Mailboxes {

    private static final String SELECT = "SELECT m.mailbox_id, m.org_id, m.address, m.provider, m.imap_host, "
            + "m.imap_port, m.imap_security, m.imap_username, m.imap_password_secret, a.provider, a.tenant, "
            + "a.client_id, a.client_secret_sealed, a.refresh_token_sealed "
            + "FROM mailbox m LEFT JOIN mailbox_api_access a ON a.mailbox_id = m.mailbox_id ";

    private final JdbcClient jdbc;

    JdbcMailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(PolledMailbox m) {
        PolledMailbox.Imap i = m.imap();
        jdbc.sql("INSERT INTO mailbox(mailbox_id, org_id, address, provider, imap_host, imap_port, imap_security, "
                        + "imap_username, imap_password_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO UPDATE SET org_id = EXCLUDED.org_id, address = EXCLUDED.address, "
                        + "provider = EXCLUDED.provider, imap_host = EXCLUDED.imap_host, "
                        + "imap_port = EXCLUDED.imap_port, imap_security = EXCLUDED.imap_security, "
                        + "imap_username = EXCLUDED.imap_username, imap_password_secret = EXCLUDED.imap_password_secret")
                .params(m.mailboxId(), m.orgId(), m.address(), m.providerName(), i == null ? null : i.host(),
                        i == null ? null : i.port(), i == null ? null : i.security(), i == null ? null : i.username(),
                        i == null ? null : i.passwordSecret())
                .update();
    }

    @Override
    public Optional<PolledMailbox> find(String orgId, String mailboxId) {
        return jdbc.sql(SELECT + "WHERE m.mailbox_id = ? AND m.org_id = ?").params(mailboxId, orgId)
                .query(JdbcMailboxes::row).optional();
    }

    @Override
    public void grantApiAccess(String mailboxId, PolledMailbox.ApiAccess a) {
        jdbc.sql("INSERT INTO mailbox_api_access(mailbox_id, provider, tenant, client_id, client_secret_sealed, "
                        + "refresh_token_sealed) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id) DO UPDATE SET "
                        + "provider = EXCLUDED.provider, tenant = EXCLUDED.tenant, client_id = EXCLUDED.client_id, "
                        + "client_secret_sealed = EXCLUDED.client_secret_sealed, "
                        + "refresh_token_sealed = EXCLUDED.refresh_token_sealed, granted_at = now()")
                .params(mailboxId, a.provider(), a.tenant(), a.clientId(), a.clientSecretSealed(),
                        a.refreshTokenSealed())
                .update();
    }

    @Override
    public List<PolledMailbox> readable() {
        return jdbc.sql(SELECT + "WHERE m.imap_host IS NOT NULL OR a.mailbox_id IS NOT NULL ORDER BY m.mailbox_id")
                .query(JdbcMailboxes::row).list();
    }

    private static PolledMailbox row(ResultSet rs, int n) throws SQLException {
        PolledMailbox.Imap imap = rs.getString(5) == null ? null : new PolledMailbox.Imap(rs.getString(5),
                rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9));
        PolledMailbox.ApiAccess api = rs.getString(10) == null ? null : new PolledMailbox.ApiAccess(
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14));
        return new PolledMailbox(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), imap, api);
    }
}
