package com.superkabe.sendadapter.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingTokensTest {

    private static final byte[] KEY = "k1-0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OLD_KEY = "k0-0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private static final Instant ISSUED = Instant.parse("2026-11-01T10:00:00Z");
    private static final TrackingToken UNSUBSCRIBE = new TrackingToken(TrackingPurpose.UNSUBSCRIBE,
            "0f8c2a8e-7f6b-3c1d-9a55-2f9d3b1c4e77", ISSUED);

    private final TrackingTokens tokens = new TrackingTokens(List.of(KEY));

    @Test
    void acceptsATokenItIssuedAndReturnsItsClaim() {
        String token = tokens.issue(UNSUBSCRIBE);

        assertThat(tokens.verify(token, TrackingPurpose.UNSUBSCRIBE, null, ISSUED.plusSeconds(60)))
                .isEqualTo(new TokenCheck.Valid(UNSUBSCRIBE));
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+").hasSizeLessThan(120);
    }

    @Test
    void issuesTheSameTokenForTheSameClaimSoAReplayedSendRendersTheSameMessage() {
        assertThat(tokens.issue(UNSUBSCRIBE)).isEqualTo(new TrackingTokens(List.of(KEY)).issue(UNSUBSCRIBE));
    }

    @Test
    void refusesATokenWhosePayloadWasTampered() {
        String token = tokens.issue(UNSUBSCRIBE);
        String other = tokens.issue(new TrackingToken(TrackingPurpose.UNSUBSCRIBE, "another-send", ISSUED));
        String forged = other.substring(0, other.indexOf('.')) + token.substring(token.indexOf('.'));

        assertThat(tokens.verify(forged, TrackingPurpose.UNSUBSCRIBE, null, ISSUED))
                .isEqualTo(new TokenCheck.Rejected(TokenCheck.Reason.BAD_SIGNATURE));
    }

    @Test
    void refusesATokenWithOneFlippedSignatureBit() {
        String token = tokens.issue(UNSUBSCRIBE);
        int dot = token.indexOf('.');
        byte[] mac = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        mac[5] ^= 1;
        String flipped = token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);

        assertThat(tokens.verify(flipped, TrackingPurpose.UNSUBSCRIBE, null, ISSUED))
                .isEqualTo(new TokenCheck.Rejected(TokenCheck.Reason.BAD_SIGNATURE));
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        String token = new TrackingTokens(List.of(OLD_KEY)).issue(UNSUBSCRIBE);

        assertThat(tokens.verify(token, TrackingPurpose.UNSUBSCRIBE, null, ISSUED))
                .isEqualTo(new TokenCheck.Rejected(TokenCheck.Reason.BAD_SIGNATURE));
    }

    @Test
    void acceptsATokenSignedWithAPreviousKeyAfterRotationAndSignsWithTheNewOne() {
        String issuedBeforeRotation = new TrackingTokens(List.of(OLD_KEY)).issue(UNSUBSCRIBE);
        TrackingTokens rotated = new TrackingTokens(List.of(KEY, OLD_KEY));

        assertThat(rotated.verify(issuedBeforeRotation, TrackingPurpose.UNSUBSCRIBE, null, ISSUED))
                .isInstanceOf(TokenCheck.Valid.class);
        assertThat(rotated.issue(UNSUBSCRIBE)).isEqualTo(tokens.issue(UNSUBSCRIBE));
    }

    @Test
    void honoursATokenUntilTheLastSecondOfItsHundredAndEightyDaysAndNotAtTheBoundary() {
        String token = tokens.issue(UNSUBSCRIBE);
        Instant expiry = ISSUED.plus(Duration.ofDays(180));

        assertThat(tokens.verify(token, TrackingPurpose.UNSUBSCRIBE, null, expiry.minusSeconds(1)))
                .isInstanceOf(TokenCheck.Valid.class);
        assertThat(tokens.verify(token, TrackingPurpose.UNSUBSCRIBE, null, expiry))
                .isEqualTo(new TokenCheck.Rejected(TokenCheck.Reason.EXPIRED));
    }

    @Test
    void refusesAnOpenTokenPresentedForUnsubscribe() {
        String pixel = tokens.issue(new TrackingToken(TrackingPurpose.OPEN, UNSUBSCRIBE.sendId(), ISSUED));

        assertThat(tokens.verify(pixel, TrackingPurpose.UNSUBSCRIBE, null, ISSUED))
                .isEqualTo(new TokenCheck.Rejected(TokenCheck.Reason.WRONG_PURPOSE));
    }

    @Test
    void acceptsAClickTokenOnlyForTheUrlItSigned() {
        TrackingToken click = new TrackingToken(TrackingPurpose.CLICK, UNSUBSCRIBE.sendId(), ISSUED);
        String token = tokens.issue(click, "https://acme.test/pricing");

        assertThat(tokens.verify(token, TrackingPurpose.CLICK, "https://acme.test/pricing", ISSUED))
                .isEqualTo(new TokenCheck.Valid(click));
        assertThat(tokens.verify(token, TrackingPurpose.CLICK, "https://evil.test/", ISSUED))
                .isEqualTo(new TokenCheck.Rejected(TokenCheck.Reason.BAD_SIGNATURE));
        assertThat(tokens.verify(token, TrackingPurpose.CLICK, null, ISSUED))
                .isEqualTo(new TokenCheck.Rejected(TokenCheck.Reason.BAD_SIGNATURE));
    }

    @Test
    void refusesTruncatedGarbledAndOversizedInputWithoutThrowing() {
        String token = tokens.issue(UNSUBSCRIBE);
        TokenCheck malformed = new TokenCheck.Rejected(TokenCheck.Reason.MALFORMED);

        for (String bad : new String[] {null, "", ".", "abc", token.substring(0, token.indexOf('.')),
                token.substring(0, token.indexOf('.') + 1), token + ".x", "!!!." + token.substring(token.indexOf('.') + 1),
                "AQ.AAAA", "x".repeat(5000) + "." + "y"}) {
            assertThat(tokens.verify(bad, TrackingPurpose.UNSUBSCRIBE, null, ISSUED)).as(String.valueOf(bad))
                    .isEqualTo(malformed);
        }
        assertThat(tokens.verify(token.substring(0, token.length() - 3), TrackingPurpose.UNSUBSCRIBE, null, ISSUED))
                .isEqualTo(new TokenCheck.Rejected(TokenCheck.Reason.BAD_SIGNATURE));
    }
}
