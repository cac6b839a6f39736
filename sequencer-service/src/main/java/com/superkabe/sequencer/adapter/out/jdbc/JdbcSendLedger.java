package com.superkabe.sequencer.adapter.out.jdbc;

import com.superkabe.sequencer.application.CampaignMailbox;
import com.superkabe.sequencer.application.SendLedger;
import com.superkabe.sequencer.domain.dispatch.SendWindow;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The send ledger. Instants are bound as UTC {@link OffsetDateTime}s, never {@code java.sql.Timestamp},
 * so nothing depends on the JVM's default time zone. Each read is one query for all the keys of a page;
 * per-key day bounds travel as parallel arrays (ISO instants, cast to timestamptz) through unnest.
 */
@Repository
class JdbcSendLedger implements SendLedger {

    private final JdbcClient jdbc;

    JdbcSendLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(Entry e) {
        jdbc.sql("INSERT INTO send_ledger(run_id, campaign_id, mailbox_id, tick, sent_at, next_send_at, yellow, "
                        + "sending_domain, consumer_esp, esp, shard) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.runId(), e.campaignId(), e.mailboxId(), e.tick(), utc(e.at()), utc(e.nextSendAt()),
                        e.yellow(), e.sendingDomain(), e.consumerEsp() == null ? null : e.consumerEsp().name(),
                        e.esp() == null ? null : e.esp().name(),
                        com.superkabe.sequencer.application.ShardScope.current()).update();
    }

    @Override
    public Map<String, Integer> sentByMailboxEsp(Collection<String> mailboxIds, long fromTick) {
        Map<String, Integer> sent = new HashMap<>();
        if (mailboxIds.isEmpty()) {
            return sent;
        }
        jdbc.sql("SELECT mailbox_id, esp, count(*) FROM send_ledger WHERE mailbox_id = ANY(?) AND esp IS NOT NULL "
                        + "AND tick >= ? GROUP BY mailbox_id, esp")
                .params(mailboxIds.toArray(String[]::new), fromTick)
                .query((rs, i) -> sent.put(SendLedger.mailboxEspKey(rs.getString(1),
                        com.superkabe.events.lead.RecipientEsp.valueOf(rs.getString(2))), rs.getInt(3))).list();
        return sent;
    }

    @Override
    public Map<String, Integer> bulkUsage(Collection<String> sendingDomains, Instant since) {
        Map<String, Integer> used = new HashMap<>();
        if (sendingDomains.isEmpty()) {
            return used;
        }
        jdbc.sql("SELECT sending_domain, consumer_esp, count(*) FROM send_ledger WHERE consumer_esp IS NOT NULL "
                        + "AND sending_domain = ANY(?) AND sent_at >= ? AND shard = ? GROUP BY sending_domain, consumer_esp")
                .params(sendingDomains.toArray(String[]::new), utc(since),
                        com.superkabe.sequencer.application.ShardScope.current())
                .query((rs, i) -> used.put(com.superkabe.sequencer.domain.dispatch.Usage.bulkKey(rs.getString(1),
                        com.superkabe.events.lead.RecipientEsp.valueOf(rs.getString(2))), rs.getInt(3))).list();
        return used;
    }

    @Override
    public Map<String, List<Boolean>> recentYellow(Collection<String> mailboxIds, int window) {
        Map<String, List<Boolean>> recent = new HashMap<>();
        jdbc.sql("SELECT m.mailbox_id, l.yellow FROM unnest(?::text[]) AS m(mailbox_id) CROSS JOIN LATERAL "
                        + "(SELECT yellow, seq FROM send_ledger s WHERE s.mailbox_id = m.mailbox_id ORDER BY seq DESC "
                        + "LIMIT ?) l ORDER BY m.mailbox_id, l.seq DESC")
                .params(mailboxIds.toArray(String[]::new), window)
                .query((rs, i) -> recent.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getBoolean(2)))
                .list();
        return recent;
    }

    @Override
    public Map<String, MailboxUsage> mailboxUsage(Collection<String> mailboxIds, Instant since, SendWindow.Day day) {
        Map<String, MailboxUsage> usage = new HashMap<>();
        jdbc.sql("SELECT mailbox_id, count(*) FILTER (WHERE sent_at >= ? AND sent_at < ?), max(sent_at), "
                        + "max(coalesce(next_send_at, sent_at)) FROM send_ledger "
                        + "WHERE mailbox_id = ANY(?) AND sent_at >= ? GROUP BY mailbox_id")
                .params(utc(day.from()), utc(day.to()), mailboxIds.toArray(String[]::new), utc(since))
                .query((rs, i) -> usage.put(rs.getString(1), new MailboxUsage(rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getObject(4, OffsetDateTime.class).toInstant())))
                .list();
        return usage;
    }

    @Override
    public Map<String, Integer> sentByCampaign(Map<String, SendWindow.Day> days) {
        List<String> ids = new ArrayList<>(days.keySet());
        Map<String, Integer> sent = new HashMap<>();
        jdbc.sql("SELECT d.campaign_id, count(*) FROM unnest(?::text[], ?::text[], ?::text[]) AS d(campaign_id, f, t) "
                        + "JOIN send_ledger l ON l.campaign_id = d.campaign_id "
                        + "AND l.sent_at >= d.f::timestamptz AND l.sent_at < d.t::timestamptz GROUP BY d.campaign_id")
                .params(ids.toArray(String[]::new), bounds(ids.stream().map(days::get).toList(), true),
                        bounds(ids.stream().map(days::get).toList(), false))
                .query((rs, i) -> sent.put(rs.getString(1), rs.getInt(2))).list();
        return sent;
    }

    @Override
    public Map<CampaignMailbox, Integer> sentByPair(Map<CampaignMailbox, SendWindow.Day> days) {
        List<CampaignMailbox> pairs = new ArrayList<>(days.keySet());
        Map<CampaignMailbox, Integer> sent = new HashMap<>();
        jdbc.sql("SELECT d.campaign_id, d.mailbox_id, count(*) "
                        + "FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) AS d(campaign_id, mailbox_id, f, t) "
                        + "JOIN send_ledger l ON l.campaign_id = d.campaign_id AND l.mailbox_id = d.mailbox_id "
                        + "AND l.sent_at >= d.f::timestamptz AND l.sent_at < d.t::timestamptz "
                        + "GROUP BY d.campaign_id, d.mailbox_id")
                .params(pairs.stream().map(CampaignMailbox::campaignId).toArray(String[]::new),
                        pairs.stream().map(CampaignMailbox::mailboxId).toArray(String[]::new),
                        bounds(pairs.stream().map(days::get).toList(), true),
                        bounds(pairs.stream().map(days::get).toList(), false))
                .query((rs, i) -> sent.put(new CampaignMailbox(rs.getString(1), rs.getString(2)), rs.getInt(3))).list();
        return sent;
    }

    private static String[] bounds(List<SendWindow.Day> days, boolean from) {
        return days.stream().map(d -> (from ? d.from() : d.to()).toString()).toArray(String[]::new);
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
