package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.OrgRetryPolicies;
import com.superkabe.sequencer.domain.RetryPolicy;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOrgRetryPolicies implements OrgRetryPolicies {

    private final JdbcClient jdbc;

    JdbcOrgRetryPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void setRetryPolicy(String orgId, RetryPolicy p) {
        jdbc.sql("INSERT INTO org_retry_policy(org_id, base_ticks, max_ticks, give_up_ticks, jitter_percent) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (org_id) DO UPDATE SET base_ticks = EXCLUDED.base_ticks, "
                        + "max_ticks = EXCLUDED.max_ticks, give_up_ticks = EXCLUDED.give_up_ticks, "
                        + "jitter_percent = EXCLUDED.jitter_percent")
                .params(orgId, p.baseTicks(), p.maxTicks(), p.giveUpTicks(), p.jitterPercent()).update();
    }

    /** The stored policy; seconds per tick is the deployment's, filled in by the caller. */
    @Override
    public Optional<RetryPolicy> retryPolicy(String orgId) {
        return jdbc.sql("SELECT base_ticks, max_ticks, give_up_ticks, jitter_percent FROM org_retry_policy "
                        + "WHERE org_id = ?").param(orgId)
                .query((rs, i) -> new RetryPolicy(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
                        RetryPolicy.DEFAULT.secondsPerTick())).optional();
    }
}
