package com.superkabe.sendadapter.adapter.out.jdbc;

import com.superkabe.sendadapter.application.Mailbox;
import com.superkabe.sendadapter.domain.SenderAddress;
import com.superkabe.sendadapter.application.Mailboxes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailboxes implements Mailboxes {

    private final JdbcClient jdbc;

    JdbcMailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Mailbox m) {
        Mailbox.Endpoint s = m.smtp();
        Mailbox.Endpoint i = m.imap();
        Mailbox.OAuth o = m.oauth();
        return jdbc.sql("INSERT INTO mailbox(mailbox_id, org_id, address, domain, provider, daily_limit, smtp_host, "
                        + "smtp_port, smtp_security, smtp_username, smtp_secret, imap_host, imap_port, imap_security, "
                        + "imap_username, imap_secret, oauth_tenant, oauth_client_id, oauth_client_secret, "
                        + "oauth_refresh_token, address_key) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        // either uniqueness, (org, address) or the address's owner across organizations
                        + "ON CONFLICT DO NOTHING")
                .params(m.mailboxId(), m.orgId(), m.address(), m.domain(), m.provider(), m.dailyLimit(),
                        s == null ? null : s.host(), s == null ? null : s.port(), s == null ? null : s.security(),
                        s == null ? null : s.username(), s == null ? null : s.secret(),
                        i == null ? null : i.host(), i == null ? null : i.port(), i == null ? null : i.security(),
                        i == null ? null : i.username(), i == null ? null : i.secret(),
                        o == null ? null : o.tenant(), o == null ? null : o.clientId(),
                        o == null ? null : o.clientSecret(), o == null ? null : o.refreshToken(),
                        SenderAddress.key(m.address()))
                .update() == 1;
    }

    @Override
    public void updateCredentials(Mailbox m) {
        Mailbox.Endpoint s = m.smtp();
        Mailbox.Endpoint i = m.imap();
        Mailbox.OAuth o = m.oauth();
        jdbc.sql("UPDATE mailbox SET smtp_host = ?, smtp_port = ?, smtp_security = ?, smtp_username = ?, "
                        + "smtp_secret = ?, imap_host = ?, imap_port = ?, imap_security = ?, imap_username = ?, "
                        + "imap_secret = ?, oauth_tenant = ?, oauth_client_id = ?, oauth_client_secret = ?, "
                        + "oauth_refresh_token = ? WHERE mailbox_id = ?")
                .params(s == null ? null : s.host(), s == null ? null : s.port(), s == null ? null : s.security(),
                        s == null ? null : s.username(), s == null ? null : s.secret(),
                        i == null ? null : i.host(), i == null ? null : i.port(), i == null ? null : i.security(),
                        i == null ? null : i.username(), i == null ? null : i.secret(),
                        o == null ? null : o.tenant(), o == null ? null : o.clientId(),
                        o == null ? null : o.clientSecret(), o == null ? null : o.refreshToken(), m.mailboxId())
                .update();
    }

    @Override
    public Optional<Mailbox> find(String mailboxId) {
        return jdbc.sql("SELECT mailbox_id, org_id, address, domain, provider, daily_limit, smtp_host, smtp_port, "
                        + "smtp_security, smtp_username, smtp_secret, imap_host, imap_port, imap_security, "
                        + "imap_username, imap_secret, oauth_tenant, oauth_client_id, oauth_client_secret, "
                        + "oauth_refresh_token FROM mailbox WHERE mailbox_id = ?")
                .param(mailboxId).query(JdbcMailboxes::map).optional();
    }

    @Override
    public List<Mailbox> ofOrganization(String orgId) {
        return jdbc.sql("SELECT mailbox_id, org_id, address, domain, provider, daily_limit, smtp_host, smtp_port, "
                        + "smtp_security, smtp_username, smtp_secret, imap_host, imap_port, imap_security, "
                        + "imap_username, imap_secret, oauth_tenant, oauth_client_id, oauth_client_secret, "
                        + "oauth_refresh_token FROM mailbox WHERE org_id = ? ORDER BY address")
                .param(orgId).query(JdbcMailboxes::map).list();
    }

    private static Mailbox map(ResultSet rs, int row) throws SQLException {
        return new Mailbox(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getInt(6), endpoint(rs, 7), endpoint(rs, 12), oauth(rs, 17));
    }

    private static Mailbox.Endpoint endpoint(ResultSet rs, int first) throws SQLException {
        String host = rs.getString(first);
        return host == null ? null : new Mailbox.Endpoint(host, rs.getInt(first + 1), rs.getString(first + 2),
                rs.getString(first + 3), rs.getString(first + 4));
    }

    private static Mailbox.OAuth oauth(ResultSet rs, int first) throws SQLException {
        String clientId = rs.getString(first + 1);
        return clientId == null ? null : new Mailbox.OAuth(rs.getString(first), clientId, rs.getString(first + 2),
                rs.getString(first + 3));
    }
}
