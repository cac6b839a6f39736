package com.superkabe.kit.dns;

import static org.assertj.core.api.Assertions.assertThat;

import com.superkabe.kit.testing.dns.TestDnsServer;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The resolver against a real DNS server on loopback. */
class JndiDnsLookupTest {

    private static TestDnsServer dns;
    private static JndiDnsLookup lookup;

    @BeforeAll
    static void start() {
        dns = new TestDnsServer()
                .mx("acme.test", 10, "mx1.acme.test").mx("acme.test", 20, "mx2.acme.test")
                .txt("acme.test", "v=spf1 include:_spf.google.com ~all")
                .txt("_dmarc.acme.test", "v=DMARC1; p=quarantine")
                .a("2.0.0.127.zen.test", "127.0.0.2")
                .exists("nomx.test")
                .timeout("slow.test")
                .servfail("broken.test");
        lookup = new JndiDnsLookup(dns.address(), Duration.ofMillis(300), Duration.ofMinutes(5), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void findsMxRecordsWithTheirPreference() {
        DnsAnswer answer = lookup.mx("acme.test");

        assertThat(answer.status()).isEqualTo(DnsAnswer.Status.FOUND);
        assertThat(answer.records()).containsExactlyInAnyOrder("10 mx1.acme.test.", "20 mx2.acme.test.");
    }

    @Test
    void readsTxtRecordsAsText() {
        assertThat(lookup.txt("acme.test").records()).containsExactly("v=spf1 include:_spf.google.com ~all");
        assertThat(lookup.txt("_dmarc.acme.test").records()).containsExactly("v=DMARC1; p=quarantine");
        assertThat(lookup.a("2.0.0.127.zen.test").records()).containsExactly("127.0.0.2");
    }

    @Test
    void tellsAMissingRecordFromAMissingDomain() {
        assertThat(lookup.mx("nomx.test").status()).isEqualTo(DnsAnswer.Status.NOT_FOUND);
        assertThat(lookup.mx("nowhere.test")).satisfies(a -> {
            assertThat(a.status()).isEqualTo(DnsAnswer.Status.NOT_FOUND);
            assertThat(a.detail()).contains("NXDOMAIN");
        });
    }

    @Test
    void reportsATimeoutOrServerFailureAsUnknownNeverAsNotFound() {
        assertThat(lookup.mx("slow.test").status()).isEqualTo(DnsAnswer.Status.UNKNOWN);
        assertThat(lookup.mx("broken.test").status()).isEqualTo(DnsAnswer.Status.UNKNOWN);
    }
}
