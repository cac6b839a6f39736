package com.superkabe.events.lead;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The mailbox provider (ESP) that receives mail for a recipient's domain, as its MX hosts tell
 * (ADR 0019). Routing scores each sending mailbox by its record with the recipient's ESP. UNKNOWN is
 * explicit: the MX lookup failed or was not made, which routing treats as its own bucket. OTHER: the
 * domain has MX hosts, none of a known provider or gateway.
 */
public enum RecipientEsp {
    GOOGLE, MICROSOFT, YAHOO, APPLE, ZOHO, PROOFPOINT, MIMECAST, BARRACUDA, CISCO, OTHER, UNKNOWN;

    /** The provider of the first MX host that names one (hosts in preference order); OTHER if none does. */
    public static RecipientEsp fromMxHosts(List<String> mxHosts) {
        if (mxHosts == null || mxHosts.isEmpty()) {
            return UNKNOWN;
        }
        for (String host : mxHosts) {
            RecipientEsp esp = ofHost(host);
            if (esp != OTHER) {
                return esp;
            }
        }
        return OTHER;
    }

    /** The ESP of a consumer domain known without DNS (gmail.com, outlook.com …); UNKNOWN otherwise. */
    public static RecipientEsp fromDomain(String domain) {
        return consumerProvider(domain).orElse(UNKNOWN);
    }

    /**
     * GOOGLE or MICROSOFT (and the other free providers) when the domain is one of their consumer
     * domains: what the bulk-sender budget counts (Gmail and Outlook treat a sender of more than 5,000
     * messages a day to their consumer users as a bulk sender).
     */
    public static Optional<RecipientEsp> consumerProvider(String domain) {
        String d = normalise(domain);
        if (d.equals("gmail.com") || d.equals("googlemail.com")) {
            return Optional.of(GOOGLE);
        }
        if (d.equals("outlook.com") || d.startsWith("hotmail.") || d.startsWith("live.") || d.equals("msn.com")
                || d.startsWith("outlook.")) {
            return Optional.of(MICROSOFT);
        }
        if (d.startsWith("yahoo.") || d.equals("ymail.com") || d.equals("rocketmail.com") || d.equals("aol.com")) {
            return Optional.of(YAHOO);
        }
        if (d.equals("icloud.com") || d.equals("me.com") || d.equals("mac.com")) {
            return Optional.of(APPLE);
        }
        if (d.equals("zoho.com") || d.equals("zohomail.com")) {
            return Optional.of(ZOHO);
        }
        return Optional.empty();
    }

    static RecipientEsp ofHost(String host) {
        String h = normalise(host);
        if (h.endsWith(".google.com") || h.endsWith(".googlemail.com") || h.equals("google.com")
                || h.endsWith(".psmtp.com")) {
            return GOOGLE;
        }
        if (h.endsWith(".protection.outlook.com") || h.endsWith(".outlook.com") || h.endsWith(".hotmail.com")) {
            return MICROSOFT;
        }
        if (h.endsWith(".yahoodns.net") || h.endsWith(".yahoo.com")) {
            return YAHOO;
        }
        if (h.endsWith(".icloud.com") || h.endsWith(".me.com")) {
            return APPLE;
        }
        if (h.endsWith(".zoho.com") || h.endsWith(".zoho.eu") || h.endsWith(".zohomail.com") || h.equals("mx.zoho.com")) {
            return ZOHO;
        }
        if (h.endsWith(".pphosted.com") || h.endsWith(".ppe-hosted.com")) {
            return PROOFPOINT;
        }
        if (h.endsWith(".mimecast.com") || h.endsWith(".mimecast.co.za")) {
            return MIMECAST;
        }
        if (h.endsWith(".barracudanetworks.com")) {
            return BARRACUDA;
        }
        if (h.endsWith(".iphmx.com")) {
            return CISCO;
        }
        return OTHER;
    }

    private static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
}
