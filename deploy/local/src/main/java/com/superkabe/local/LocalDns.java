package com.superkabe.local;

import com.superkabe.kit.testing.dns.TestDnsServer;
import java.util.List;

/**
 * A real UDP DNS server inside the launcher, so the protection service's SPF, DKIM, DMARC and
 * DNSBL checks of the demo domains, and the ingestion gate's MX check of the demo prospects'
 * domain, have something to ask: these domains exist nowhere else. Each mailbox domain publishes
 * SPF, a DKIM key under {@link #DKIM_SELECTOR}, DMARC and MX; the prospects' domain
 * ({@link DemoData#LEAD_DOMAIN}) publishes MX; the DNSBL zone {@link #DNSBL_ZONE} lists nobody
 * (every name in it answers NXDOMAIN).
 */
final class LocalDns implements AutoCloseable {

    static final String DKIM_SELECTOR = "s1";
    static final String DNSBL_ZONE = "dbl.local.test";
    static final List<String> DOMAINS = List.of(domainOf(MailServer.DEMO_ADDRESS),
            domainOf(MailServer.PROTECTION_ADDRESS));
    /** A syntactically real 1024-bit RSA public key; nothing verifies signatures locally. */
    static final String DKIM_KEY = "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYt"
            + "IxN2SnFCjxOCKG9v3b4jYfcTNh5ijSCD3nPkYTgO7Mjr+qkN79lAd9JKhc7q2cMUEOsZzVUu2ciUDYVWKVj0bGJfyS6M4AhFpCGz"
            + "Cd9Sqsy4YjHyKN1fHlWTEBDzr/wzQIDAQAB";

    private final TestDnsServer server;

    private LocalDns(TestDnsServer server) {
        this.server = server;
    }

    static LocalDns start() {
        TestDnsServer dns = new TestDnsServer();
        for (String domain : DOMAINS) {
            dns.txt(domain, "v=spf1 ip4:127.0.0.1 -all")
                    .txt(DKIM_SELECTOR + "._domainkey." + domain, "v=DKIM1; k=rsa; p=" + DKIM_KEY)
                    .txt("_dmarc." + domain, "v=DMARC1; p=quarantine; rua=mailto:dmarc@" + domain)
                    .mx(domain, 10, MailServer.HOST);
        }
        dns.mx(DemoData.LEAD_DOMAIN, 10, MailServer.HOST);
        LocalDns local = new LocalDns(dns);
        Console.info("DNS up: udp " + local.address() + " serving SPF, DKIM (selector " + DKIM_SELECTOR
                + "), DMARC for " + DOMAINS + "; MX for " + DemoData.LEAD_DOMAIN + "; DNSBL zone " + DNSBL_ZONE + " lists nobody");
        return local;
    }

    /** "127.0.0.1:port", the form the services' resolvers are configured with. */
    String address() {
        return server.address();
    }

    @Override
    public void close() {
        server.close();
    }

    static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1);
    }
}
