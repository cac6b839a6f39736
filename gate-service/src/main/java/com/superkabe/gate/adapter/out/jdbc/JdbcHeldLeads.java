package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.events.gate.LeadSnapshot;
import com.superkabe.gate.application.HeldLeads;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHeldLeads implements HeldLeads {

    private final JdbcClient jdbc;

    JdbcHeldLeads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void hold(Held h) {
        LeadSnapshot l = h.lead();
        jdbc.sql("INSERT INTO held_lead(lead_id, campaign_id, org_id, email, first_name, last_name, company, title) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lead_id, campaign_id) DO NOTHING")
                .params(l.leadId(), h.campaignId(), h.orgId(), l.email(), l.firstName(), l.lastName(), l.company(),
                        l.title())
                .update();
    }

    @Override
    public List<Held> heldFor(String campaignId) {
        return jdbc.sql("SELECT org_id, campaign_id, lead_id, email, first_name, last_name, company, title "
                        + "FROM held_lead WHERE campaign_id = ? ORDER BY seq")
                .param(campaignId)
                .query((rs, i) -> new Held(rs.getString(1), rs.getString(2), new LeadSnapshot(rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))))
                .list();
    }

    @Override
    public void release(String leadId, String campaignId) {
        jdbc.sql("DELETE FROM held_lead WHERE lead_id = ? AND campaign_id = ?").params(leadId, campaignId).update();
    }

    @Override
    public boolean markAllowed(String leadId, String campaignId) {
        return jdbc.sql("INSERT INTO allowed_lead(lead_id, campaign_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(leadId, campaignId).update() == 1;
    }
}
