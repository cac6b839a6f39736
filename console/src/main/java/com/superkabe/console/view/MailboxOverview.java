package com.superkabe.console.view;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mailbox list page's figures, computed from the organization's whole list: counts per state,
 * the filters' choices, the filtered rows and the page of them shown.
 */
public record MailboxOverview(Map<String, Integer> counts, List<String> domainsSeen, List<String> providers,
                              List<MailboxRow> page, int matching, int pageNumber, int pages) {

    /** The states in the order an operator reads them: fine, watched, stopped, healing. */
    public static final List<String> STATES = List.of("healthy", "warming", "warning", "paused", "quarantine",
            "restricted_send", "warm_recovery");

    public static MailboxOverview of(List<MailboxRow> all, String state, String domain, String provider,
                                     int pageNumber, int pageSize) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, 0));
        all.forEach(r -> counts.merge(r.state(), 1, Integer::sum));
        List<MailboxRow> matching = all.stream()
                .filter(r -> blank(state) || r.state().equals(state))
                .filter(r -> blank(domain) || r.domain().equalsIgnoreCase(domain.strip()))
                .filter(r -> blank(provider) || provider.equalsIgnoreCase(r.provider()))
                .sorted(Comparator.comparing(MailboxRow::address))
                .toList();
        int pages = Math.max(1, (matching.size() + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(1, pageNumber), pages);
        List<MailboxRow> page = matching.subList(Math.min((p - 1) * pageSize, matching.size()),
                Math.min(p * pageSize, matching.size()));
        return new MailboxOverview(counts,
                List.copyOf(new TreeSet<>(all.stream().map(r -> r.domain().toLowerCase(Locale.ROOT)).toList())),
                List.copyOf(new TreeSet<>(all.stream().map(MailboxRow::provider).filter(x -> x != null).toList())),
                page, matching.size(), p, pages);
    }

    /** Count per state of the rows, for the domain table's share of unhealthy mailboxes. */
    public static Map<String, Integer> byState(List<MailboxRow> rows) {
        Map<String, Integer> m = new TreeMap<>();
        rows.forEach(r -> m.merge(r.state(), 1, Integer::sum));
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
