package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.gate.application.CampaignViews;
import com.superkabe.gate.domain.CampaignView;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCampaignViews implements CampaignViews {

    private final JdbcClient jdbc;

    JdbcCampaignViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(String campaignId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("campaign:" + campaignId).query().singleRow();
    }

    @Override
    public Optional<CampaignView> find(String campaignId) {
        return jdbc.sql("SELECT org_id, campaign_id, status, mailbox_ids FROM campaign_view WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, i) -> new CampaignView(rs.getString(1), rs.getString(2), rs.getString(3),
                        split(rs.getString(4))))
                .optional();
    }

    @Override
    public void save(CampaignView v) {
        jdbc.sql("INSERT INTO campaign_view(campaign_id, org_id, status, mailbox_ids) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (campaign_id) DO UPDATE SET status = EXCLUDED.status, mailbox_ids = EXCLUDED.mailbox_ids")
                .params(v.campaignId(), v.orgId(), v.status(), String.join(",", v.mailboxIds()))
                .update();
    }

    private static List<String> split(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }
}
