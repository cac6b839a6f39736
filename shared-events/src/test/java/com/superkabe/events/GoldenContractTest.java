package com.superkabe.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published fixtures are never edited: each wire name's golden JSON must decode to the sample and
 * the sample must encode to the same JSON tree. Run with {@code -Dgolden.write=true} once to add a
 * fixture for a new event type.
 */
class GoldenContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventCodec codec = new EventCodec();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenJsonDecodesToTheSampleAndTheSampleEncodesToIt(EventType type) throws IOException {
        SuperkabeEvent sample = Samples.of(type);
        byte[] golden = golden(type, "golden/" + type.wireName() + ".json", codec.toJson(sample));

        assertThat(codec.fromJson(golden, type.recordType())).isEqualTo(sample);
        assertThat(JSON.readTree(codec.toJson(sample))).isEqualTo(JSON.readTree(golden));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void publishedSchemaMatchesTheRecord(EventType type) throws IOException {
        String expected = EventSchemas.schemaJson(type);
        byte[] published = golden(type, "schemas/" + type.wireName() + ".json", expected.getBytes());
        assertThat(new String(published)).isEqualTo(expected);
    }

    private static byte[] golden(EventType type, String resource, byte[] current) throws IOException {
        try (InputStream in = GoldenContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in != null) {
                return in.readAllBytes();
            }
        }
        if (Boolean.getBoolean("golden.write")) {
            String root = resource.startsWith("schemas/") ? "src/main/resources/" : "src/test/resources/";
            Path target = Path.of(root + resource);
            Files.createDirectories(target.getParent());
            Files.write(target, resource.startsWith("schemas/") ? current
                    : JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(JSON.readTree(current)));
            return current;
        }
        throw new AssertionError("No published " + resource + " for " + type.wireName());
    }
}
