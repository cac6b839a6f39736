package com.superkabe.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/metrics.md names every meter the services register under a superkabe_* name. */
class MetricsDocTest {

    static final Path REPO = AlertRules.DIR.resolve("../..").normalize();
    static final Pattern METER_LINE = Pattern.compile("counter\\(|builder\\(|gauge\\(|timer\\(|METRIC\\b");
    static final Pattern NAME = Pattern.compile("\"(superkabe_[a-z0-9_]+)\"");

    @Test
    void every_superkabe_meter_in_the_services_is_documented() throws IOException {
        String doc = Files.readString(REPO.resolve("docs/metrics.md"));
        Set<String> meters = registeredMeters();
        assertThat(meters).as("superkabe_* meters found in */src/main/java").hasSizeGreaterThanOrEqualTo(10);
        List<String> missing = new ArrayList<>();
        for (String meter : meters) {
            // a literal prefix (METRIC + what) is documented when some metric of that prefix is
            boolean documented = meter.endsWith("_") ? doc.contains("`" + meter) : doc.contains("`" + meter + "`")
                    || doc.contains("`" + meter + "_total`") || doc.contains("`" + meter + "_seconds`");
            if (!documented) {
                missing.add(meter);
            }
        }
        assertThat(missing).as("meters registered in code but missing from docs/metrics.md").isEmpty();
    }

    static Set<String> registeredMeters() throws IOException {
        Set<String> meters = new TreeSet<>();
        try (Stream<Path> modules = Files.list(REPO)) {
            for (Path main : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        for (String line : Files.readAllLines(f)) {
                            if (METER_LINE.matcher(line).find()) {
                                Matcher m = NAME.matcher(line);
                                while (m.find()) {
                                    meters.add(m.group(1));
                                }
                            }
                        }
                    }
                }
            }
        }
        return meters;
    }
}
