package com.superkabe.console.view;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The mailbox list page's figures: counts per state of the whole organization (counted by
 * protection's database, whatever the filter), the filters' choices, one page of the filtered
 * rows, how many rows the filter matches, and the cursors of the pages after and before it
 * (null at an end).
 */
public record MailboxOverview(Map<String, Long> counts, List<String> domainsSeen, List<String> providers,
                              List<MailboxRow> page, long matching, String next, String previous) {

    /** The states in the order an operator reads them: fine, watched, stopped, healing. */
    public static final List<String> STATES = List.of("healthy", "warming", "warning", "paused", "quarantine",
            "restricted_send", "warm_recovery");

    public static MailboxOverview of(Map<String, Long> stateCounts, Map<String, Long> providerCounts,
                                     List<String> domains, List<MailboxRow> page, long matching, String next,
                                     String previous) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, stateCounts.getOrDefault(s, 0L)));
        stateCounts.forEach(counts::putIfAbsent);
        return new MailboxOverview(counts, List.copyOf(new TreeSet<>(domains)),
                List.copyOf(new TreeSet<>(providerCounts.keySet())), List.copyOf(page),
                matching < 0 ? page.size() : matching, next, previous);
    }
}
