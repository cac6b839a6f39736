package com.superkabe.protection.adapter.out.dns;

import com.superkabe.kit.dns.DnsAnswer;
import com.superkabe.kit.dns.DnsLookup;
import com.superkabe.protection.application.DomainAuthCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SPF, DKIM, DMARC and DNSBL checks of a sending domain through the configured resolver. Any
 * question the resolver could not answer makes the verdict UNKNOWN, never a pass. DKIM passes
 * when one of the domain's selectors (or the default ones) publishes a key. DNSBLs are
 * domain-based lists (e.g. dbl.spamhaus.org): {@code <domain>.<zone>} resolving means listed.
 */
public class DnsDomainAuthCheck implements DomainAuthCheck {

    private final DnsLookup dns;
    private final List<String> defaultSelectors;
    private final Map<String, List<String>> selectorsByDomain;
    private final List<String> dnsbls;

    public DnsDomainAuthCheck(DnsLookup dns, List<String> defaultSelectors, Map<String, List<String>> selectorsByDomain,
                              List<String> dnsbls) {
        this.dns = dns;
        this.defaultSelectors = List.copyOf(defaultSelectors);
        this.selectorsByDomain = Map.copyOf(selectorsByDomain);
        this.dnsbls = List.copyOf(dnsbls);
    }

    @Override
    public Result check(String domain) {
        List<String> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        txtCheck(dns.txt(domain), "v=spf1", "SPF", failed, unknown);
        dkim(domain, failed, unknown);
        txtCheck(dns.txt("_dmarc." + domain), "v=dmarc1", "DMARC", failed, unknown);
        for (String zone : dnsbls) {
            DnsAnswer a = dns.a(domain + "." + zone);
            switch (a.status()) {
                case FOUND -> failed.add("listed on " + zone);
                case UNKNOWN -> unknown.add(zone + " (" + a.detail() + ")");
                case NOT_FOUND -> {
                    // not listed
                }
            }
        }
        if (!failed.isEmpty()) {
            return new Result(Verdict.FAIL, "failed: " + String.join(", ", failed)
                    + (unknown.isEmpty() ? "" : "; unknown: " + String.join(", ", unknown)));
        }
        if (!unknown.isEmpty()) {
            return new Result(Verdict.UNKNOWN, "could not check: " + String.join(", ", unknown));
        }
        return new Result(Verdict.PASS, "SPF, DKIM, DMARC valid; listed on none of " + dnsbls.size() + " DNSBLs");
    }

    private void dkim(String domain, List<String> failed, List<String> unknown) {
        List<String> selectors = selectorsByDomain.getOrDefault(domain.toLowerCase(Locale.ROOT), defaultSelectors);
        boolean sawUnknown = false;
        for (String selector : selectors) {
            DnsAnswer a = dns.txt(selector + "._domainkey." + domain);
            if (a.status() == DnsAnswer.Status.FOUND && a.records().stream().anyMatch(DnsDomainAuthCheck::dkimKey)) {
                return;
            }
            sawUnknown |= a.status() == DnsAnswer.Status.UNKNOWN;
        }
        (sawUnknown ? unknown : failed).add("DKIM (selectors " + selectors + ")");
    }

    private static boolean dkimKey(String txt) {
        String t = txt.toLowerCase(Locale.ROOT).replace(" ", "");
        return t.contains("p=") && !t.matches(".*(^|;)p=($|;).*");
    }

    private static void txtCheck(DnsAnswer a, String prefix, String what, List<String> failed, List<String> unknown) {
        switch (a.status()) {
            case UNKNOWN -> unknown.add(what + " (" + a.detail() + ")");
            case NOT_FOUND -> failed.add(what + " missing");
            case FOUND -> {
                long n = a.records().stream().filter(r -> r.toLowerCase(Locale.ROOT).startsWith(prefix)).count();
                if (n != 1) {
                    failed.add(what + (n == 0 ? " missing" : " published " + n + " times"));
                }
            }
        }
    }
}
