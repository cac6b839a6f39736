package com.superkabe.kit.dns;

/** Port: the DNS questions the platform asks (MX for intake, TXT for SPF/DKIM/DMARC, A for DNSBLs). */
public interface DnsLookup {

    /** MX records as "preference host", e.g. "10 mx1.example.com". */
    DnsAnswer mx(String domain);

    DnsAnswer txt(String name);

    DnsAnswer a(String name);
}
