package com.superkabe.ingestion.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature that binds an intake record to the producer key that made it (ADR 0043): a Kafka
 * consumer cannot see which principal wrote a record, so the record itself carries
 * {@code superkabe-producer-id} and {@code superkabe-signature: sha256=<hex HMAC-SHA256(secret, value)>}.
 * The value names the organization, so the signature covers it.
 */
public final class IntakeSignature {

    public static final String PRODUCER_HEADER = "superkabe-producer-id";
    public static final String SIGNATURE_HEADER = "superkabe-signature";
    private static final String PREFIX = "sha256=";

    private IntakeSignature() {
    }

    /** The header value a producer holding {@code secret} sends with {@code value}. */
    public static String sign(String secret, byte[] value) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, value));
    }

    /** Whether {@code signature} (with or without the {@code sha256=} prefix) is {@code secret}'s over {@code value}. */
    public static boolean matches(String secret, byte[] value, String signature) {
        if (signature == null) {
            return false;
        }
        String hex = signature.strip().startsWith(PREFIX) ? signature.strip().substring(PREFIX.length())
                : signature.strip();
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, value), given);
    }

    private static byte[] hmac(String secret, byte[] value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(value == null ? new byte[0] : value);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
