package com.superkabe.console.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The mailbox page's domain table: the domain filtered on first, then the domains with the largest
 * share of unhealthy mailboxes, so a long list shows what needs attention before the rest.
 */
final class DomainTable {

    private DomainTable() {
    }

    static List<Map<String, Object>> worstFirst(List<Map<String, Object>> domains, String selected) {
        Comparator<Map<String, Object>> order = Comparator
                .comparing((Map<String, Object> d) -> !String.valueOf(d.get("domain")).equalsIgnoreCase(
                        selected == null ? "" : selected.strip()))
                .thenComparing(DomainTable::share, Comparator.reverseOrder())
                .thenComparing(d -> String.valueOf(d.get("domain")));
        return domains.stream().sorted(order).toList();
    }

    private static double share(Map<String, Object> d) {
        long all = d.get("mailboxes") instanceof Number n ? n.longValue() : 0;
        long unhealthy = d.get("unhealthyMailboxes") instanceof Number n ? n.longValue() : 0;
        return all == 0 ? 0 : (double) unhealthy / all;
    }
}
