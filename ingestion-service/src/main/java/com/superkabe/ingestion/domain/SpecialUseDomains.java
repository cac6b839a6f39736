package com.superkabe.ingestion.domain;

import java.util.Map;

/**
 * Names that can never be a prospect's mailbox: the special-use and reserved names of RFC 2606
 * (test, example, invalid, localhost; example.com/net/org), RFC 6761 (the same, as special-use),
 * RFC 6762 (local), RFC 7686 (onion), RFC 8375 (home.arpa — all of .arpa is infrastructure, RFC
 * 3172), RFC 9476 (alt) and the rest of the IANA Special-Use Domain Names registry, plus ICANN's
 * private-use .internal (2024). A name is reserved when it is one of these or a subdomain of one.
 * Each entry names where it is reserved, which the refusal quotes.
 */
public final class SpecialUseDomains {

    private static final Map<String, String> RESERVED = Map.ofEntries(
            Map.entry("test", "RFC 2606/6761"),
            Map.entry("example", "RFC 2606/6761"),
            Map.entry("invalid", "RFC 2606/6761"),
            Map.entry("localhost", "RFC 2606/6761"),
            Map.entry("example.com", "RFC 2606/6761"),
            Map.entry("example.net", "RFC 2606/6761"),
            Map.entry("example.org", "RFC 2606/6761"),
            Map.entry("local", "RFC 6762"),
            Map.entry("onion", "RFC 7686"),
            Map.entry("arpa", "RFC 3172; home.arpa RFC 8375"),
            Map.entry("alt", "RFC 9476"),
            Map.entry("internal", "ICANN private use"));

    private SpecialUseDomains() {
    }

    /** Why {@code asciiDomain} is reserved ("example.com (RFC 2606/6761)"), or null when it is an ordinary name. */
    public static String reservation(String asciiDomain) {
        String d = asciiDomain;
        while (true) {
            String source = RESERVED.get(d);
            if (source != null) {
                return d + " (" + source + ")";
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return null;
            }
            d = d.substring(dot + 1);
        }
    }
}
