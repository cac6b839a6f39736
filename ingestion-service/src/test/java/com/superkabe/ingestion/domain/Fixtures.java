package com.superkabe.ingestion.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** The shipped lists, read the way the service reads them, for domain tests. */
final class Fixtures {

    static final DomainLists SHIPPED = new DomainLists(list("lists/disposable-domains.txt"),
            list("lists/disposable-allowlist.txt"), list("lists/role-accounts.tsv"), list("lists/suspicious-tlds.txt"));

    static final MxCheck MX_FOUND = d -> new MxResult(MxResult.Status.FOUND, d + " has MX 10 mx." + d);

    private Fixtures() {
    }

    static Set<String> list(String resource) {
        Set<String> out = new HashSet<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Fixtures.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String e = line.split("\t", 2)[0].strip().toLowerCase();
                if (!e.isEmpty() && !e.startsWith("#") && !e.equals("local_part")) {
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
