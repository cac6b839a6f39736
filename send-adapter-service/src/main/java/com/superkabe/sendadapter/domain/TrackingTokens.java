package com.superkabe.sendadapter.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks tracking tokens: {@code base64url(payload) "." base64url(HMAC-SHA256)}, where
 * payload = version (1) | purpose code | issued-at epoch seconds (8 bytes) | send id (UTF-8). A click
 * token's MAC also covers the destination URL, which travels beside it, so no URL can be swapped in
 * (no open redirect). The first key signs; every key verifies, so keys rotate without breaking
 * links already in inboxes. Comparison is constant-time. Time is a parameter, never read here.
 */
public final class TrackingTokens {

    /** How long a token is honoured after it was issued. */
    public static final Duration TTL = Duration.ofDays(180);
    /** Longer input is rejected before any decoding work. */
    public static final int MAX_TOKEN_LENGTH = 400;
    private static final byte VERSION = 1;
    private static final int HEADER = 1 + 1 + Long.BYTES;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final List<byte[]> keys;

    /** @param keys the signing key first, then previous keys still accepted; each at least 32 bytes */
    public TrackingTokens(List<byte[]> keys) {
        if (keys.isEmpty() || keys.stream().anyMatch(k -> k == null || k.length < 32)) {
            throw new IllegalArgumentException("tracking keys must be at least 32 bytes each, and one is required");
        }
        this.keys = keys.stream().map(byte[]::clone).toList();
    }

    public String issue(TrackingToken token) {
        return issue(token, null);
    }

    /** A token whose signature also covers {@code boundUrl} (click tokens); null binds nothing. */
    public String issue(TrackingToken token, String boundUrl) {
        byte[] sendId = token.sendId().getBytes(StandardCharsets.UTF_8);
        byte[] payload = ByteBuffer.allocate(HEADER + sendId.length).put(VERSION).put((byte) token.purpose().code())
                .putLong(token.issuedAt().getEpochSecond()).put(sendId).array();
        return B64.encodeToString(payload) + "." + B64.encodeToString(mac(keys.get(0), payload, boundUrl));
    }

    /** Checks {@code presented} for {@code purpose} at {@code now}; never throws on bad input. */
    public TokenCheck verify(String presented, TrackingPurpose purpose, String boundUrl, Instant now) {
        byte[][] parts = split(presented);
        if (parts == null || parts[0].length <= HEADER || parts[0][0] != VERSION) {
            return new TokenCheck.Rejected(TokenCheck.Reason.MALFORMED);
        }
        if (!authentic(parts[0], parts[1], boundUrl)) {
            return new TokenCheck.Rejected(TokenCheck.Reason.BAD_SIGNATURE);
        }
        ByteBuffer payload = ByteBuffer.wrap(parts[0]);
        payload.get();
        TrackingPurpose signedFor = TrackingPurpose.ofCode(payload.get());
        long issued = payload.getLong();
        String sendId = StandardCharsets.UTF_8.decode(payload).toString();
        if (signedFor != purpose) {
            return new TokenCheck.Rejected(TokenCheck.Reason.WRONG_PURPOSE);
        }
        Instant issuedAt = Instant.ofEpochSecond(issued);
        if (!now.isBefore(issuedAt.plus(TTL))) {
            return new TokenCheck.Rejected(TokenCheck.Reason.EXPIRED);
        }
        return new TokenCheck.Valid(new TrackingToken(purpose, sendId, issuedAt));
    }

    private boolean authentic(byte[] payload, byte[] presentedMac, String boundUrl) {
        boolean match = false;
        for (byte[] key : keys) {
            // every key is tried even after a match, so timing does not reveal which key signed
            match |= MessageDigest.isEqual(mac(key, payload, boundUrl), presentedMac);
        }
        return match;
    }

    private static byte[][] split(String presented) {
        if (presented == null || presented.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        int dot = presented.indexOf('.');
        if (dot <= 0 || dot != presented.lastIndexOf('.') || dot == presented.length() - 1) {
            return null;
        }
        try {
            return new byte[][] {B64D.decode(presented.substring(0, dot)), B64D.decode(presented.substring(dot + 1))};
        } catch (IllegalArgumentException notBase64url) {
            return null;
        }
    }

    private static byte[] mac(byte[] key, byte[] payload, String boundUrl) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // the length prefix keeps payload and URL from being re-split into a different pair
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(payload.length).array());
            mac.update(payload);
            if (boundUrl != null) {
                mac.update(boundUrl.getBytes(StandardCharsets.UTF_8));
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
