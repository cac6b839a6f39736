package com.superkabe.gate.adapter.out.jdbc;

import com.superkabe.gate.application.CampaignViews;
import com.superkabe.gate.domain.CampaignView;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Repository
class JdbcCampaignViews implements CampaignViews {

    private static final String EXCLUSIVE = "x:";
    private static final String SHARED = "s:";
    private final JdbcClient jdbc;
    /** Per transaction, not across: another replica may change a campaign at any time (ADR 0060). */
    private final TransactionReads<String, CampaignView> cache = new TransactionReads<>();

    JdbcCampaignViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Taken once per campaign per transaction: a batch of a campaign's leads pays for one lock. */
    @Override
    public void lock(String campaignId) {
        lockAll(List.of(campaignId));
    }

    @Override
    public void lockAll(java.util.Collection<String> campaignIds) {
        take(campaignIds, EXCLUSIVE, "pg_advisory_xact_lock");
    }

    @Override
    public void lockShared(java.util.Collection<String> campaignIds) {
        take(campaignIds, SHARED, "pg_advisory_xact_lock_shared");
    }

    /**
     * One statement for every campaign not yet held in this mode (an exclusive lock covers a shared
     * one), in sorted order so that two lockers of overlapping campaigns cannot deadlock.
     */
    private void take(java.util.Collection<String> campaignIds, String mode, String function) {
        Set<String> held = locked();
        String[] fresh = campaignIds.stream().distinct().filter(c -> !held.contains(EXCLUSIVE + c))
                .filter(c -> held.add(mode + c)).sorted().map(c -> "campaign:" + c).toArray(String[]::new);
        if (fresh.length > 0) {
            jdbc.sql("SELECT " + function + "(hashtext(c)) FROM (SELECT c FROM unnest(?::text[]) AS c ORDER BY c) s")
                    .param(fresh).query().listOfRows();
        }
    }

    @Override
    public Optional<CampaignView> find(String campaignId) {
        return cache.get(campaignId, id -> jdbc.sql(
                        "SELECT org_id, campaign_id, status, mailbox_ids FROM campaign_view WHERE campaign_id = ?")
                .param(id)
                .query((rs, i) -> new CampaignView(rs.getString(1), rs.getString(2), rs.getString(3),
                        split(rs.getString(4))))
                .optional());
    }

    @Override
    public void prefetch(java.util.Collection<String> campaignIds) {
        List<String> missing = campaignIds.stream().distinct().filter(id -> cache.peek(id).isEmpty()).toList();
        if (missing.isEmpty()) {
            return;
        }
        java.util.Map<String, CampaignView> loaded = new java.util.HashMap<>();
        jdbc.sql("SELECT org_id, campaign_id, status, mailbox_ids FROM campaign_view WHERE campaign_id = ANY(?)")
                .param(missing.toArray(String[]::new))
                .query((rs, i) -> loaded.put(rs.getString(2), new CampaignView(rs.getString(1), rs.getString(2),
                        rs.getString(3), split(rs.getString(4)))))
                .list();
        missing.forEach(id -> cache.put(id, Optional.ofNullable(loaded.get(id))));
    }

    @Override
    public void save(CampaignView v) {
        cache.invalidate(v.campaignId());
        jdbc.sql("INSERT INTO campaign_view(campaign_id, org_id, status, mailbox_ids) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (campaign_id) DO UPDATE SET status = EXCLUDED.status, mailbox_ids = EXCLUDED.mailbox_ids")
                .params(v.campaignId(), v.orgId(), v.status(), String.join(",", v.mailboxIds()))
                .update();
    }

    private Set<String> locked() {
        @SuppressWarnings("unchecked")
        Set<String> held = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            held = new HashSet<>();
            TransactionSynchronizationManager.bindResource(this, held);
            TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            TransactionSynchronizationManager.unbindResourceIfPossible(JdbcCampaignViews.this);
                        }
                    });
        }
        return held;
    }

    private static List<String> split(String ids) {
        return ids.isEmpty() ? List.of() : Arrays.asList(ids.split(","));
    }
}
