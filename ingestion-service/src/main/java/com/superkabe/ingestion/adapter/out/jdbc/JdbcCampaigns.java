package com.superkabe.ingestion.adapter.out.jdbc;

import com.superkabe.ingestion.application.Campaigns;
import com.superkabe.ingestion.domain.KnownCampaign;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The campaign view, one row per campaign, overwritten by each of its events in topic order. */
@Repository
class JdbcCampaigns implements Campaigns {

    private final JdbcClient jdbc;

    JdbcCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<KnownCampaign> find(String campaignId) {
        return jdbc.sql("SELECT campaign_id, org_id, status FROM campaign_view WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, i) -> new KnownCampaign(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    @Override
    public void save(KnownCampaign c) {
        jdbc.sql("INSERT INTO campaign_view(campaign_id, org_id, status) VALUES (?, ?, ?) ON CONFLICT (campaign_id) "
                        + "DO UPDATE SET org_id = EXCLUDED.org_id, status = EXCLUDED.status, updated_at = now()")
                .params(c.campaignId(), c.orgId(), c.status()).update();
    }
}
