package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.Leads;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLeads implements Leads {

    private static final String COLUMNS = "lead_id, org_id, email, first_name, last_name, company, title, "
            + "campaign_id, health, score, status, channel";
    private final JdbcClient jdbc;

    JdbcLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(Lead l) {
        return jdbc.sql("INSERT INTO lead(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(l.leadId(), l.orgId(), l.email(), l.firstName(), l.lastName(), l.company(), l.title(),
                        l.campaignId(), l.health(), l.score(), l.status(), l.channel())
                .update() == 1;
    }

    @Override
    public Optional<Lead> find(String orgId, String leadId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE org_id = ? AND lead_id = ?").params(orgId, leadId)
                .query(JdbcLeads::map).optional();
    }

    @Override
    public Optional<Lead> findByEmail(String orgId, String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM lead WHERE org_id = ? AND email = ?").params(orgId, email)
                .query(JdbcLeads::map).optional();
    }

    private static Lead map(ResultSet rs, int i) throws SQLException {
        return new Lead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10), rs.getString(11),
                rs.getString(12));
    }
}
