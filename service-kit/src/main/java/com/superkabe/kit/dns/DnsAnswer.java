package com.superkabe.kit.dns;

import java.util.List;

/**
 * The result of one DNS question. UNKNOWN (timeout, SERVFAIL, unreachable resolver) is its own
 * outcome so callers can never mistake "could not ask" for "nothing there" or "all fine".
 */
public record DnsAnswer(Status status, List<String> records, String detail) {

    public enum Status { FOUND, NOT_FOUND, UNKNOWN }

    public DnsAnswer {
        records = List.copyOf(records);
    }

    public static DnsAnswer found(List<String> records) {
        return new DnsAnswer(Status.FOUND, records, records.size() + " record(s)");
    }

    public static DnsAnswer notFound(String detail) {
        return new DnsAnswer(Status.NOT_FOUND, List.of(), detail);
    }

    public static DnsAnswer unknown(String detail) {
        return new DnsAnswer(Status.UNKNOWN, List.of(), detail);
    }
}
