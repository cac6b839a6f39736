package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.Suppressions;
import com.superkabe.sequencer.domain.Suppression;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The suppression view in table {@code suppression}, written in the input's transaction. */
@Repository
class JdbcSuppressions implements Suppressions {

    private final JdbcClient jdbc;

    JdbcSuppressions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Suppression s) {
        jdbc.sql("INSERT INTO suppression(org_id, address, cause, detail, source_run_id, source_campaign_id, tick) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (org_id, address) DO NOTHING")
                .params(s.orgId(), s.address(), s.cause().name(), s.detail(), s.sourceRunId(), s.sourceCampaignId(),
                        s.tick())
                .update();
    }

    @Override
    public List<Suppression> find(Collection<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        List<Object[]> pairs = recipients.stream().map(r -> new Object[] {r.orgId(), r.address()}).toList();
        return jdbc.sql("SELECT org_id, address, cause, detail, source_run_id, source_campaign_id, tick FROM suppression "
                        + "WHERE (org_id, address) IN (:pairs)")
                .param("pairs", pairs)
                .query((rs, i) -> new Suppression(rs.getString(1), rs.getString(2),
                        Suppression.Cause.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getLong(7)))
                .list();
    }
}
