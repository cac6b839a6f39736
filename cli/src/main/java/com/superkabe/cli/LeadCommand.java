package com.superkabe.cli;

import com.superkabe.ingestion.application.LeadValidation;
import com.superkabe.ingestion.domain.Assessment;
import com.superkabe.ingestion.domain.DomainLists;
import com.superkabe.ingestion.domain.LeadHealth;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.MxResult;
import com.superkabe.ingestion.domain.QualityPolicy;
import com.superkabe.kit.dns.DnsAnswer;
import com.superkabe.kit.dns.JndiDnsLookup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code lead check ADDRESS...}: the ingestion gate's checks, offline. */
@Command(name = "lead", description = "Offline checks of lead addresses.", subcommands = LeadCommand.Check.class)
public final class LeadCommand {

    @Command(name = "check", sortOptions = false, description = {
        "The ingestion gate's checks on addresses, offline, one JSON line per address.", "",
        "Runs the checks (syntax, reserved, mx, disposable, role, tld) with the lists shipped in the ingestion "
        + "service and the default quality policy, and prints the fields of POST /api/v1/leads/validate. The MX "
        + "check asks DNS (the system's resolvers unless --dns-server); --no-dns skips it.", "",
        "Example: ./superkabe lead check ann@example.com info@mailinator.com --no-dns"})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "ADDRESS", arity = "1..*", description = "Email addresses to check.")
        List<String> addresses;
        @Option(names = "--no-dns", description = "Do not ask DNS; the mx check is reported as not run.")
        boolean noDns;
        @Option(names = "--dns-server", paramLabel = "HOST:PORT", description = "Ask this DNS server instead of the system's.")
        String dnsServer;
        @Option(names = "--dns-timeout", paramLabel = "MILLIS", defaultValue = "3000",
                description = "Per-question DNS timeout (default: ${DEFAULT-VALUE}).")
        long dnsTimeoutMillis;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            QualityPolicy policy = QualityPolicy.DEFAULT;
            DomainLists lists = shippedLists();
            MxCheck mx = noDns ? d -> MxResult.notRun("not run: --no-dns") : mx(addresses.stream().map(LeadHealth::mxDomain)
                    .filter(Objects::nonNull).distinct().toList());
            Map<String, Integer> verdicts = new TreeMap<>();
            for (String address : addresses) {
                Assessment a = LeadHealth.assess(address, lists, policy, mx);
                verdicts.merge(a.verdict(), 1, Integer::sum);
                out.println(Json.line(LeadValidation.result(address, a, policy)));
            }
            spec.commandLine().getErr().println(addresses.size() + " addresses: " + verdicts
                    + (noDns ? " (mx not checked: --no-dns)" : ""));
            return verdicts.containsKey("RED") ? ExitCodes.FINDINGS : ExitCodes.OK;
        }

        private MxCheck mx(List<String> domains) {
            JndiDnsLookup dns = new JndiDnsLookup(dnsServer, Duration.ofMillis(dnsTimeoutMillis), Duration.ZERO,
                    Clock.systemUTC());
            Map<String, MxResult> answers = new HashMap<>();
            for (String d : domains) {
                DnsAnswer a = dns.mx(d);
                answers.put(d, switch (a.status()) {
                    case FOUND -> MxResult.found(d, a.records());
                    case NOT_FOUND -> new MxResult(MxResult.Status.NOT_FOUND, d + " has no MX record (" + a.detail()
                            + ")");
                    case UNKNOWN -> new MxResult(MxResult.Status.UNKNOWN, a.detail());
                });
            }
            return MxCheck.of(answers);
        }
    }

    /** The lists the ingestion service ships in its jar (the service may be configured with others). */
    static DomainLists shippedLists() {
        return new DomainLists(list("lists/disposable-domains.txt"), list("lists/disposable-allowlist.txt"),
                list("lists/role-accounts.tsv"), list("lists/suspicious-tlds.txt"));
    }

    // the list format of the ingestion service: "#" comments, TSV first column, a leading dot dropped
    private static Set<String> list(String resource) {
        try (InputStream in = LeadValidation.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new InputException("the ingestion service's list " + resource + " is missing from the classpath");
            }
            Set<String> out = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String entry = line.split("\t", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (!entry.isEmpty() && !entry.startsWith("#") && !entry.equals("local_part")) {
                    out.add(entry.startsWith(".") ? entry.substring(1) : entry);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
