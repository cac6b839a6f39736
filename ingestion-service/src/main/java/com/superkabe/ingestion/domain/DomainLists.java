package com.superkabe.ingestion.domain;

import java.util.Locale;
import java.util.Set;

/**
 * The list-based checks' data, one immutable snapshot: disposable domains (a subdomain of a listed
 * domain is disposable too) with an allowlist that wins over the blocklist, role-account local
 * parts, and the shipped suspicious TLDs (an organization may replace the TLD list).
 */
public record DomainLists(Set<String> disposable, Set<String> allowlist, Set<String> roles,
                          Set<String> suspiciousTlds) {

    public DomainLists {
        disposable = Set.copyOf(disposable);
        allowlist = Set.copyOf(allowlist);
        roles = Set.copyOf(roles);
        suspiciousTlds = Set.copyOf(suspiciousTlds);
    }

    /** The listed entry that makes {@code domain} disposable, or null. The allowlist wins. */
    public String disposableMatch(String domain) {
        String d = domain.toLowerCase(Locale.ROOT);
        String match = null;
        while (true) {
            if (allowlist.contains(d)) {
                return null;
            }
            if (match == null && disposable.contains(d)) {
                match = d;
            }
            int dot = d.indexOf('.');
            if (dot < 0) {
                return match;
            }
            d = d.substring(dot + 1);
        }
    }

    /**
     * Role accounts are matched on the local part without a "+tag" suffix, so "info+x@" is a
     * role account like "info@".
     */
    public boolean isRole(String localPart) {
        String l = localPart.toLowerCase(Locale.ROOT);
        int plus = l.indexOf('+');
        return roles.contains(plus > 0 ? l.substring(0, plus) : l);
    }
}
