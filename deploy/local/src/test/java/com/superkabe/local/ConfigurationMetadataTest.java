package com.superkabe.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Every module with a {@code @ConfigurationProperties} class ships IDE metadata
 * ({@code META-INF/spring-configuration-metadata.json}, written by spring-boot-configuration-processor) that
 * covers each such class and describes every property. Reads the reactor's compiled modules (this module
 * builds after them); a module not compiled yet is not judged.
 */
class ConfigurationMetadataTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile(
            "^@ConfigurationProperties\\([^)]*\\)\\s*(?:@\\w+\\s*)*public\\s+(?:final\\s+)?(?:record|class)\\s+(\\w+)",
            Pattern.MULTILINE);

    @Test
    void everyPropertiesClassHasMetadataAndEveryPropertyADescription() throws IOException {
        List<String> problems = new ArrayList<>();
        int judged = 0;
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList()) {
                TreeSet<String> classes = propertiesClasses(module.resolve("src/main/java"));
                if (classes.isEmpty() || !Files.isDirectory(module.resolve("target/classes"))) {
                    continue;
                }
                judged++;
                String name = module.getFileName().toString();
                Path metadata = module.resolve("target/classes/META-INF/spring-configuration-metadata.json");
                if (!Files.isRegularFile(metadata)) {
                    problems.add(name + ": no META-INF/spring-configuration-metadata.json for " + classes);
                    continue;
                }
                // JSON is YAML but for the escaped solidus the processor writes for every '/'
                Map<String, Object> json = new Yaml().load(Files.readString(metadata).replace("\\/", "/"));
                TreeSet<String> covered = new TreeSet<>();
                for (Map<String, Object> group : list(json, "groups")) {
                    covered.add(String.valueOf(group.get("sourceType")));
                }
                for (String type : classes) {
                    if (!covered.contains(type)) {
                        problems.add(name + ": " + type + " is not in the metadata");
                    }
                }
                for (Map<String, Object> property : list(json, "properties")) {
                    Object description = property.get("description");
                    if (description == null || description.toString().isBlank()) {
                        problems.add(name + ": " + property.get("name") + " has no description (add an @param "
                                + "to the properties class's Javadoc)");
                    }
                }
            }
        }
        assumeTrue(judged > 0, "no module with @ConfigurationProperties is compiled yet");
        assertThat(problems).isEmpty();
    }

    private static TreeSet<String> propertiesClasses(Path sources) throws IOException {
        TreeSet<String> classes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                Matcher type = TYPE.matcher(text);
                Matcher pkg = PACKAGE.matcher(text);
                if (type.find() && pkg.find()) {
                    classes.add(pkg.group(1) + "." + type.group(1));
                }
            }
        }
        return classes;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String key) {
        Object value = json == null ? null : json.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
