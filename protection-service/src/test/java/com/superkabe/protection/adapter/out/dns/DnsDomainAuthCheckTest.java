package com.superkabe.protection.adapter.out.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.dns.JndiDnsLookup;
import com.superkabe.kit.testing.dns.TestDnsServer;
import com.superkabe.protection.application.DomainAuthCheck.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The quarantine's DNS checks against a real DNS server on loopback. */
class DnsDomainAuthCheckTest {

    static TestDnsServer dns;
    static DnsDomainAuthCheck check;

    @BeforeAll
    static void start() {
        dns = new TestDnsServer();
        auth("good.test", "s1");
        auth("custom.test", "mail2024");
        auth("listed.test", "s1");
        dns.a("listed.test.dbl.test", "127.0.1.2");
        dns.txt("nospf.test", "google-site-verification=abc").txt("s1._domainkey.nospf.test", "v=DKIM1; p=MIGf")
                .txt("_dmarc.nospf.test", "v=DMARC1; p=none");
        dns.txt("slow.test", "v=spf1 -all").txt("s1._domainkey.slow.test", "v=DKIM1; p=MIGf").timeout("_dmarc.slow.test");
        auth("revoked.test", "x");
        dns.txt("s1._domainkey.revoked.test", "v=DKIM1; p=");
        JndiDnsLookup lookup = new JndiDnsLookup(dns.address(), Duration.ofMillis(300), Duration.ofMinutes(1),
                Clock.systemUTC());
        check = new DnsDomainAuthCheck(lookup, List.of("s1"), Map.of("custom.test", List.of("mail2024")),
                List.of("dbl.test"));
    }

    private static void auth(String d, String selector) {
        dns.txt(d, "v=spf1 include:_spf.example.test ~all").txt(selector + "._domainkey." + d, "v=DKIM1; k=rsa; p=MIGf")
                .txt("_dmarc." + d, "v=DMARC1; p=reject");
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void passesADomainWithSpfDkimDmarcAndNoListing() {
        assertThat(check.check("good.test").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void usesTheSelectorsConfiguredForTheDomain() {
        assertThat(check.check("custom.test").verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void failsADomainListedOnADnsbl() {
        DnsDomainAuthCheckTestHelper.assertFails(check.check("listed.test"), "listed on dbl.test");
    }

    @Test
    void failsADomainWithoutSpf() {
        DnsDomainAuthCheckTestHelper.assertFails(check.check("nospf.test"), "SPF missing");
    }

    @Test
    void failsARevokedDkimKey() {
        DnsDomainAuthCheckTestHelper.assertFails(check.check("revoked.test"), "DKIM");
    }

    @Test
    void reportsATimeoutAsUnknownNeverAsAPass() {
        var r = check.check("slow.test");

        assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.detail()).contains("DMARC");
    }

    static final class DnsDomainAuthCheckTestHelper {
        static void assertFails(com.superkabe.protection.application.DomainAuthCheck.Result r, String detail) {
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.detail()).contains(detail);
        }
    }
}
