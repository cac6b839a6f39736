package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A record's headers read lazily (ADR 0062) read as the two maps filled in header order did. */
class RecordHeaderViewTest {

    @Test
    void headersReadAsMapsFilledInHeaderOrder() {
        List<String[]> headers = List.of(new String[] {"ce_id", "e-1"}, new String[] {"ce_type", "superkabe.x.v1"},
                new String[] {"kafka_dlt-original-topic", "superkabe.replies"}, new String[] {"empty", null},
                new String[] {"ce_time", "2026-01-01T00:00:00Z"});

        RecordHeaderView view = view(headers);

        assertThat(view).containsExactlyEntriesOf(filled(headers));
        assertThat(view.get("kafka_dlt-original-topic")).isEqualTo("superkabe.replies");
        assertThat(view.get(new String("ce_id"))).isEqualTo("e-1");
        assertThat(view.containsKey("empty")).isTrue();
        assertThat(view.get("empty")).isNull();
        assertThat(view.getOrDefault("absent", "x")).isEqualTo("x");
        assertThat(view.raw().get("ce_type")).isEqualTo("superkabe.x.v1".getBytes(StandardCharsets.UTF_8));
        assertThat(view.raw().keySet()).containsExactly("ce_id", "ce_type", "kafka_dlt-original-topic", "empty",
                "ce_time");
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndItsLastValue() {
        List<String[]> headers = List.of(new String[] {"ce_id", "e-1"}, new String[] {"x", "first"},
                new String[] {"ce_id", "e-2"}, new String[] {"y", "y"}, new String[] {"x", "last"});

        RecordHeaderView view = view(headers);

        assertThat(view).containsExactlyEntriesOf(filled(headers));
        assertThat(view.raw().get("x")).isEqualTo("last".getBytes(StandardCharsets.UTF_8));
        assertThat(view.size()).isEqualTo(3);
    }

    private static RecordHeaderView view(List<String[]> headers) {
        String[] keys = new String[headers.size()];
        byte[][] values = new byte[headers.size()][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new String(headers.get(i)[0]);
            values[i] = headers.get(i)[1] == null ? null : headers.get(i)[1].getBytes(StandardCharsets.UTF_8);
        }
        return RecordHeaderView.of(keys, values, keys.length);
    }

    private static Map<String, String> filled(List<String[]> headers) {
        Map<String, String> m = new LinkedHashMap<>();
        headers.forEach(h -> m.put(h[0], h[1]));
        return m;
    }
}
