package com.superkabe.replypoller.adapter.out.jdbc;

import com.superkabe.replypoller.application.Mailboxes;
import com.superkabe.replypoller.application.PolledMailbox;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailboxes implements Mailboxes {

    private final JdbcClient jdbc;

    JdbcMailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(PolledMailbox m) {
        PolledMailbox.Imap i = m.imap();
        jdbc.sql("INSERT INTO mailbox(mailbox_id, org_id, address, imap_host, imap_port, imap_security, imap_username, "
                        + "imap_password_secret) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (mailbox_id) DO UPDATE SET "
                        + "org_id = EXCLUDED.org_id, address = EXCLUDED.address, imap_host = EXCLUDED.imap_host, "
                        + "imap_port = EXCLUDED.imap_port, imap_security = EXCLUDED.imap_security, "
                        + "imap_username = EXCLUDED.imap_username, imap_password_secret = EXCLUDED.imap_password_secret")
                .params(m.mailboxId(), m.orgId(), m.address(), i == null ? null : i.host(),
                        i == null ? null : i.port(), i == null ? null : i.security(), i == null ? null : i.username(),
                        i == null ? null : i.passwordSecret())
                .update();
    }

    @Override
    public List<PolledMailbox> withImap() {
        return jdbc.sql("SELECT mailbox_id, org_id, address, imap_host, imap_port, imap_security, imap_username, "
                        + "imap_password_secret FROM mailbox WHERE imap_host IS NOT NULL ORDER BY mailbox_id")
                .query((rs, n) -> new PolledMailbox(rs.getString(1), rs.getString(2), rs.getString(3),
                        new PolledMailbox.Imap(rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                                rs.getString(8))))
                .list();
    }
}
