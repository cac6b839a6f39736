package com.superkabe.ingestion.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-item report of a batch: counts by outcome and one entry per item, in input order. */
final class BatchReport {

    private BatchReport() {
    }

    static Map<String, Object> of(List<Map<String, Object>> items) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("total", items.size());
        report.put("accepted", count(items, "ACCEPTED"));
        report.put("rejected", count(items, "REJECTED"));
        report.put("duplicate", count(items, "DUPLICATE"));
        report.put("enrolled", count(items, "ENROLLED"));
        report.put("results", items);
        return report;
    }

    private static long count(List<Map<String, Object>> items, String status) {
        return items.stream().filter(i -> status.equals(i.get("status"))).count();
    }
}
