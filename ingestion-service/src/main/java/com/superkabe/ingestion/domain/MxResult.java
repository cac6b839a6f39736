package com.superkabe.ingestion.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What DNS said about a domain's mail exchangers. UNKNOWN (timeout, SERVFAIL, resolver down) and
 * NOT_RUN (the check is switched off) are explicit so neither passes or fails silently.
 * {@code hosts}: the exchangers in preference order (lowest preference value first), FOUND only.
 */
public record MxResult(Status status, String detail, List<String> hosts) {

    public enum Status { FOUND, NOT_FOUND, UNKNOWN, NOT_RUN }

    public MxResult {
        hosts = List.copyOf(hosts);
    }

    public MxResult(Status status, String detail) {
        this(status, detail, List.of());
    }

    /** The answer as the verdict records it (LeadAccepted.mx). */
    public com.superkabe.events.lead.MxAnswer answer() {
        return new com.superkabe.events.lead.MxAnswer(
                com.superkabe.events.lead.MxAnswer.Status.valueOf(status.name()), hosts);
    }

    public static MxResult notRun(String why) {
        return new MxResult(Status.NOT_RUN, why);
    }

    /** FOUND from MX records as DNS gives them ({@code "10 mx.example.com."}), ordered by preference. */
    public static MxResult found(String domain, List<String> records) {
        List<String> hosts = records.stream().map(r -> r.strip().split("\\s+")).sorted(Comparator.comparingInt(
                (String[] r) -> r.length > 1 ? preference(r[0]) : Integer.MAX_VALUE))
                .map(r -> host(r[r.length - 1])).toList();
        return new MxResult(Status.FOUND, domain + " has MX " + String.join(", ", records), hosts);
    }

    private static int preference(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String host(String name) {
        String h = name.toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
