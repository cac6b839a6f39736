package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.MailingAddresses;
import com.superkabe.ingestion.domain.MailingAddressDecider;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcMailingAddresses implements MailingAddresses {

    private final JdbcClient jdbc;

    JdbcMailingAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MailingAddressDecider.Current> lock(String orgId) {
        return jdbc.sql("SELECT mailing_address, mailing_address_version FROM organization WHERE org_id = ? FOR UPDATE")
                .param(orgId)
                .query((rs, n) -> new MailingAddressDecider.Current(rs.getString(1), rs.getInt(2)))
                .optional();
    }

    @Override
    public Optional<String> find(String orgId) {
        return jdbc.sql("SELECT mailing_address FROM organization WHERE org_id = ? AND mailing_address IS NOT NULL")
                .param(orgId).query(String.class).optional();
    }

    @Override
    public void save(String orgId, MailingAddressDecider.Current current) {
        jdbc.sql("UPDATE organization SET mailing_address = ?, mailing_address_version = ? WHERE org_id = ?")
                .params(current.address(), current.version(), orgId).update();
    }
}
