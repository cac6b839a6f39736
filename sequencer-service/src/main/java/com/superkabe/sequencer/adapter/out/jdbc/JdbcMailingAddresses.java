package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.MailingAddresses;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailingAddresses implements MailingAddresses {

    private final JdbcClient jdbc;

    JdbcMailingAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void setMailingAddress(String orgId, String mailingAddress) {
        jdbc.sql("INSERT INTO org_mailing_address(org_id, mailing_address) VALUES (?, ?) "
                + "ON CONFLICT (org_id) DO UPDATE SET mailing_address = EXCLUDED.mailing_address")
                .params(orgId, mailingAddress).update();
    }

    @Override
    public Map<String, String> mailingAddresses(Collection<String> orgIds) {
        Map<String, String> found = new HashMap<>();
        if (orgIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT org_id, mailing_address FROM org_mailing_address WHERE org_id = ANY(?)")
                .param(orgIds.toArray(String[]::new))
                .query((rs, i) -> found.put(rs.getString(1), rs.getString(2))).list();
        return found;
    }
}
