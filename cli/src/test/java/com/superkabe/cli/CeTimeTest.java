package com.superkabe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The merge reads ce_time without the general parser and must agree with Instant.parse. */
class CeTimeTest {

    @Test
    void stampsAsTheCodecWritesThemReadAsInstantParseReadsThem() {
        for (String text : new String[] {"2026-01-01T00:00:00Z", "2026-12-06T18:41:41.5Z", "2026-12-06T18:41:41.123Z",
            "2024-02-29T23:59:59.123456Z", "1970-01-01T00:00:00.000000001Z", "2026-03-31T12:00:00.120Z"}) {
            Instant expected = Instant.parse(text);

            long[] parsed = CeTime.parse(text, 0);

            assertThat(parsed).as(text).containsExactly(expected.getEpochSecond(), expected.getNano());
        }
    }

    @Test
    void otherShapesGoToTheGeneralParserAndUnreadableOnesToTheRecordTimestamp() {
        assertThat(CeTime.fast("2026-01-01T01:00:00+01:00")).isNull();
        assertThat(CeTime.parse("2026-01-01T01:00:00+01:00", 0))
                .containsExactly(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(), 0);
        assertThat(CeTime.fast("2026-02-30T00:00:00Z")).isNull();
        assertThat(CeTime.parse("not a time", 1_767_225_600_123L)).containsExactly(1_767_225_600L, 123_000_000L);
        assertThat(CeTime.parse(null, -1)).containsExactly(-1L, 999_000_000L);
    }
}
