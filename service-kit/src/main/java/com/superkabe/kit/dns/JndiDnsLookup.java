package com.superkabe.kit.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.CommunicationException;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * DNS through the JDK's own resolver (JNDI "dns:"), pointed at a configured server and port with
 * a timeout, so tests run it against a real DNS server on loopback. Answers are cached per
 * (type, name) for {@code ttl}; UNKNOWN answers are cached only briefly so an outage heals fast.
 */
public class JndiDnsLookup implements DnsLookup {

    private record Cached(DnsAnswer answer, Instant expires) {
    }

    private final String providerUrl;
    private final Duration timeout;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** {@code server} is "host:port"; empty means the system's resolvers. */
    public JndiDnsLookup(String server, Duration timeout, Duration ttl, Clock clock) {
        this.providerUrl = server == null || server.isBlank() ? "dns:" : "dns://" + server.trim();
        this.timeout = timeout;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public DnsAnswer mx(String domain) {
        return cached("MX", domain);
    }

    @Override
    public DnsAnswer txt(String name) {
        return cached("TXT", name);
    }

    @Override
    public DnsAnswer a(String name) {
        return cached("A", name);
    }

    private DnsAnswer cached(String type, String name) {
        String key = type + " " + name.toLowerCase(java.util.Locale.ROOT);
        Instant now = clock.instant();
        Cached hit = cache.get(key);
        if (hit != null && hit.expires().isAfter(now)) {
            return hit.answer();
        }
        DnsAnswer answer = query(type, name);
        Duration keep = answer.status() == DnsAnswer.Status.UNKNOWN ? Duration.ofSeconds(5) : ttl;
        cache.put(key, new Cached(answer, now.plus(keep)));
        return answer;
    }

    private DnsAnswer query(String type, String name) {
        Hashtable<String, String> env = new Hashtable<>();
        env.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        env.put("java.naming.provider.url", providerUrl);
        env.put("com.sun.jndi.dns.timeout.initial", Long.toString(Math.max(1, timeout.toMillis())));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext ctx = null;
        try {
            ctx = new InitialDirContext(env);
            Attributes attrs = ctx.getAttributes(name.endsWith(".") ? name : name + ".", new String[] {type});
            Attribute attr = attrs.get(type);
            if (attr == null || attr.size() == 0) {
                return DnsAnswer.notFound("no " + type + " record for " + name);
            }
            List<String> records = new ArrayList<>();
            NamingEnumeration<?> values = attr.getAll();
            while (values.hasMore()) {
                records.add(unquote(String.valueOf(values.next())));
            }
            return DnsAnswer.found(records);
        } catch (NameNotFoundException e) {
            return DnsAnswer.notFound(name + " does not exist (NXDOMAIN)");
        } catch (CommunicationException | ServiceUnavailableException e) {
            return DnsAnswer.unknown("DNS did not answer for " + name + ": " + e.getClass().getSimpleName());
        } catch (NamingException e) {
            return DnsAnswer.unknown("DNS lookup of " + name + " failed: " + e.getMessage());
        } finally {
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (NamingException ignored) {
                    // nothing held open
                }
            }
        }
    }

    /** JNDI returns TXT strings quoted when they contain spaces; callers want the text. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\" \"", "");
        }
        return value;
    }
}
