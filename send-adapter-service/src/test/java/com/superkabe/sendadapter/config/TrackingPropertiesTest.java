package com.superkabe.sendadapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingPropertiesTest {

    private static final String SECRET = "a-tracking-secret-of-at-least-32-bytes";

    @Test
    void derivesAStableKeyFromThePlatformKeyWhenNoSecretIsSet() {
        TrackingProperties props = new TrackingProperties("https://t.acme.test/", null, null, null, null);

        assertThat(props.keys("platform-key")).singleElement().satisfies(k -> assertThat(k).hasSize(32)
                .isEqualTo(props.keys("platform-key").get(0)).isNotEqualTo("platform-key".getBytes()));
        assertThat(props.baseUrl()).isEqualTo("https://t.acme.test");
        assertThat(props.openPixel()).isTrue();
        assertThat(props.clickTracking()).isTrue();
    }

    @Test
    void signsWithTheSecretAndStillAcceptsThePreviousOnes() {
        TrackingProperties props = new TrackingProperties("https://t.acme.test", SECRET,
                List.of("", "an-older-secret-also-at-least-32-bytes"), false, false);

        assertThat(props.keys("")).extracting(String::new)
                .containsExactly(SECRET, "an-older-secret-also-at-least-32-bytes");
    }

    @Test
    void movingFromTheDerivedKeyToAnExplicitSecretKeepsLinksAlreadySentValid() {
        byte[] derived = new TrackingProperties("https://t.acme.test", null, null, null, null).keys("platform-key")
                .getFirst();

        List<byte[]> keys = new TrackingProperties("https://t.acme.test", SECRET, null, null, null).keys("platform-key");

        assertThat(new String(keys.getFirst())).isEqualTo(SECRET);
        assertThat(keys.getLast()).isEqualTo(derived);
    }

    @Test
    void refusesToStartWithAShortSecretOrNoKeyAtAllNamingTheProperty() {
        assertThatThrownBy(() -> new TrackingProperties("https://t.acme.test", "short", null, null, null).keys("k"))
                .hasMessageContaining("superkabe.tracking.secret");
        assertThatThrownBy(() -> new TrackingProperties("https://t.acme.test", null, null, null, null).keys(""))
                .hasMessageContaining("superkabe.tracking.secret");
    }

    @Test
    void refusesABaseUrlThatIsNotAnAbsoluteWebOrigin() {
        for (String bad : new String[] {null, "", "track.acme.test", "ftp://t.acme.test", "https://t.acme.test/?a=1",
                "https://t.acme.test/a,b", "javascript:alert(1)"}) {
            assertThatThrownBy(() -> new TrackingProperties(bad, null, null, null, null)).as(String.valueOf(bad))
                    .hasMessageContaining("superkabe.tracking.base-url");
        }
    }
}
