package com.superkabe.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * promtool's own verdicts: {@code promtool check rules} on the rule file and {@code promtool test rules}
 * on each alert's tests/*.yaml, one dynamic test per alert. promtool comes from Debian's
 * {@code prometheus} package (or {@code PROMTOOL=/path/to/promtool}). Without it the tests are skipped
 * with a note, except where {@code SUPERKABE_REQUIRE_PROMTOOL=true} or {@code CI=true} (as in .ci/run,
 * which installs it): there a missing promtool fails the build.
 */
class PromtoolTest {

    static Path promtool;
    static final List<String> RESULTS = new ArrayList<>();

    @BeforeAll
    static void findPromtool() {
        Optional<Path> found = locate();
        if (found.isEmpty()) {
            String note = System.getenv("PROMTOOL") == null
                    ? "promtool not found on PATH (apt-get install prometheus, or set PROMTOOL)"
                    : "PROMTOOL=" + System.getenv("PROMTOOL") + " is not an executable";
            if (required()) {
                fail(note + ". This build requires it (SUPERKABE_REQUIRE_PROMTOOL or CI is set): "
                        + "the alert rules' unit tests cannot run.");
            }
            System.out.println("NOTE: skipping the promtool rule checks and alert unit tests: " + note);
            Assumptions.abort(note);
        }
        promtool = found.get();
        System.out.println("promtool: " + promtool + " (" + run("--version").output().lines().findFirst().orElse("") + ")");
    }

    @Test
    void the_rule_file_passes_promtool_check_rules() {
        Result check = run("check", "rules", AlertRules.RULES.toString());
        System.out.print(check.output());
        assertThat(check.exitCode()).as("promtool check rules:%n%s", check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + AlertRules.alerts().size() + " rules found");
    }

    @TestFactory
    Stream<DynamicTest> every_alert_passes_its_promtool_unit_tests() {
        // one promtool run for all files (promtool's start-up dominates), its report split per file
        List<String> files = AlertRules.alerts().keySet().stream().map(AlertRules::testFile)
                .filter(Files::exists).map(f -> AlertRules.DIR.relativize(f).toString()).toList();
        List<String> args = new ArrayList<>(List.of("test", "rules"));
        args.addAll(files);
        long start = System.nanoTime();
        Result all = run(args.toArray(String[]::new));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Map<String, String> reports = perFile(all.output());
        RESULTS.add(String.format("  (%d files in one promtool run, %d ms, exit code %d)", files.size(), millis,
                all.exitCode()));
        return AlertRules.alerts().keySet().stream().map(alert -> DynamicTest.dynamicTest(alert, () -> {
            String report = reports.getOrDefault(AlertRules.DIR.relativize(AlertRules.testFile(alert)).toString(),
                    "no report from promtool for this alert's file:\n" + all.output());
            boolean passed = report.contains("SUCCESS") && !report.contains("FAILED");
            RESULTS.add(String.format("  %s %-30s %s", passed ? "PASS" : "FAIL", alert, AlertRules.Coverage.of(alert)));
            assertThat(passed).as("promtool test rules tests/%s.yaml:%n%s", alert, report).isTrue();
        }));
    }

    /** promtool's test report cut at its "Unit Testing:  file" headers. */
    static Map<String, String> perFile(String output) {
        Map<String, String> reports = new LinkedHashMap<>();
        String file = null;
        StringBuilder report = new StringBuilder();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("Unit Testing:")) {
                if (file != null) {
                    reports.put(file, report.toString());
                }
                file = line.substring("Unit Testing:".length()).trim();
                report.setLength(0);
            }
            report.append(line).append('\n');
        }
        if (file != null) {
            reports.put(file, report.toString());
        }
        return reports;
    }

    @AfterAll
    static void printResults() {
        if (!RESULTS.isEmpty()) {
            System.out.println("promtool test rules, per alert:");
            RESULTS.forEach(System.out::println);
        }
    }

    static boolean required() {
        return isTrue(System.getenv("SUPERKABE_REQUIRE_PROMTOOL")) || isTrue(System.getenv("CI"));
    }

    private static boolean isTrue(String value) {
        return "true".equalsIgnoreCase(value) || "1".equals(value);
    }

    static Optional<Path> locate() {
        String explicit = System.getenv("PROMTOOL");
        if (explicit != null && !explicit.isBlank()) {
            return Optional.of(Path.of(explicit)).filter(Files::isExecutable);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    record Result(int exitCode, String output) {
    }

    static Result run(String... args) {
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(AlertRules.DIR.toFile())
                    .redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, "could not run " + String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted: " + String.join(" ", command));
        }
    }
}
