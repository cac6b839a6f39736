package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.CampaignDef;
import com.superkabe.sequencer.application.Campaigns;
import com.superkabe.sequencer.domain.StepTemplate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCampaigns implements Campaigns {

    private final JdbcClient jdbc;

    JdbcCampaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(CampaignDef c) {
        jdbc.sql("INSERT INTO campaign(campaign_id, org_id, name, status, mailbox_ids) VALUES (?, ?, ?, ?, ?)")
                .params(c.campaignId(), c.orgId(), c.name(), c.status(), String.join(",", c.mailboxIds())).update();
        for (int i = 0; i < c.steps().size(); i++) {
            StepTemplate s = c.steps().get(i);
            jdbc.sql("INSERT INTO campaign_step(campaign_id, step_no, subject, body, delay_ticks) VALUES (?, ?, ?, ?, ?)")
                    .params(c.campaignId(), i, s.subject(), s.body(), s.delayTicks()).update();
        }
    }

    @Override
    public Optional<CampaignDef> find(String campaignId) {
        List<StepTemplate> steps = jdbc.sql("SELECT subject, body, delay_ticks FROM campaign_step WHERE campaign_id = ? "
                        + "ORDER BY step_no")
                .param(campaignId)
                .query((rs, i) -> new StepTemplate(rs.getString(1), rs.getString(2), rs.getLong(3))).list();
        return jdbc.sql("SELECT org_id, campaign_id, name, status, mailbox_ids FROM campaign WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, i) -> new CampaignDef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Arrays.asList(rs.getString(5).split(",")), steps))
                .optional();
    }
}
