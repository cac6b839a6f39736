package com.superkabe.gate.bench;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL's own counters, for telling where a benchmark's database time goes without
 * pg_stat_statements (the embedded server does not preload it): transactions, and per table of the
 * gate's schema the index and sequential scans (about one per single-row read) and rows written.
 */
record DbActivity(long commits, Map<String, long[]> tables) {

    static DbActivity read(JdbcClient jdbc) {
        jdbc.sql("SELECT pg_stat_clear_snapshot()").query().listOfRows();
        long commits = jdbc.sql("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")
                .query(Long.class).single();
        Map<String, long[]> tables = new TreeMap<>();
        jdbc.sql("SELECT relname, coalesce(idx_scan, 0) + seq_scan, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables "
                        + "WHERE schemaname = current_schema()")
                .query((rs, i) -> tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)}))
                .list();
        return new DbActivity(commits, tables);
    }

    DbActivity minus(DbActivity before) {
        Map<String, long[]> delta = new TreeMap<>();
        tables.forEach((name, now) -> {
            long[] was = before.tables().getOrDefault(name, new long[4]);
            long[] d = new long[4];
            for (int i = 0; i < 4; i++) {
                d[i] = now[i] - was[i];
            }
            if (d[0] + d[1] + d[2] + d[3] > 0) {
                delta.put(name, d);
            }
        });
        return new DbActivity(commits - before.commits(), delta);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(commits + " commits;");
        tables.forEach((name, d) -> s.append(String.format(" %s scans=%d ins=%d upd=%d del=%d;", name, d[0], d[1], d[2],
                d[3])));
        return s.toString();
    }
}
