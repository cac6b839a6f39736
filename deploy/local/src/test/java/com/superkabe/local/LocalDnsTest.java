package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.InitialDirContext;
import org.junit.jupiter.api.Test;

/** Asks the launcher's DNS server over real UDP what protection-service's domain check asks. */
class LocalDnsTest {

    @Test
    void servesSpfDkimAndDmarcForTheDemoDomainsAndListsNobody() throws Exception {
        try (LocalDns dns = LocalDns.start()) {
            InitialDirContext ctx = resolver(dns.address());
            for (String domain : List.of("demo.superkabe.test", "protect.superkabe.test")) {
                assertThat(txt(ctx, domain)).anyMatch(t -> t.startsWith("v=spf1"));
                assertThat(txt(ctx, "s1._domainkey." + domain)).anyMatch(t -> t.startsWith("v=DKIM1") && t.contains("p=MIGf"));
                assertThat(txt(ctx, "_dmarc." + domain)).anyMatch(t -> t.startsWith("v=DMARC1"));
            }
            assertThatThrownBy(() -> ctx.getAttributes("protect.superkabe.test." + LocalDns.DNSBL_ZONE, new String[] {"A"}))
                    .isInstanceOf(NameNotFoundException.class);
        }
    }

    @Test
    void answersMxForTheDemoProspectsDomainSoTheIngestionGateFindsAMailExchanger() throws Exception {
        try (LocalDns dns = LocalDns.start()) {
            Attribute mx = resolver(dns.address()).getAttributes(DemoData.LEAD_DOMAIN, new String[] {"MX"}).get("MX");

            assertThat(mx).isNotNull();
            assertThat(mx.get().toString()).contains(MailServer.HOST);
            assertThat(List.of(DemoData.ADA, DemoData.GRACE, DemoData.ALAN, ProtectionDemoData.HEDY,
                    SendingDemoData.BARBARA, SendingDemoData.EDSGER))
                    .allSatisfy(lead -> assertThat(lead.email()).endsWith("@" + DemoData.LEAD_DOMAIN));
        }
    }

    private static InitialDirContext resolver(String address) throws NamingException {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", "dns://" + address);
        env.put("com.sun.jndi.dns.timeout.initial", "1000");
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        return new InitialDirContext(env);
    }

    private static List<String> txt(InitialDirContext ctx, String name) throws NamingException {
        Attribute a = ctx.getAttributes(name, new String[] {"TXT"}).get("TXT");
        List<String> out = new ArrayList<>();
        if (a != null) {
            NamingEnumeration<?> values = a.getAll();
            while (values.hasMore()) {
                out.add(values.next().toString().replace("\"", ""));
            }
        }
        return out;
    }
}
