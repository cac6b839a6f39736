package com.superkabe.ingestion.application;

import com.superkabe.kit.secrets.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Clay webhook authentication. Each organization gets a random secret (shown once, stored sealed
 * with the platform key). A request carries {@code X-Clay-Timestamp} (Unix seconds) and
 * {@code X-Clay-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>}; it is
 * accepted only inside the replay window and only once (a seen signature is refused).
 */
public class ClayWebhook {

    /** Why a webhook call was refused; {@code configuration} means no secret is set (409, not 401). */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean configuration;

        Refused(String message, boolean configuration) {
            super(message);
            this.configuration = configuration;
        }

        public boolean configuration() {
            return configuration;
        }
    }

    private final ClaySecrets store;
    private final SecretBox box;
    private final Clock clock;
    private final Duration window;
    private final SecureRandom random = new SecureRandom();

    /** {@code box} is null when the platform has no secrets key: then no secret can be set. */
    public ClayWebhook(ClaySecrets store, SecretBox box, Clock clock, Duration window) {
        this.store = store;
        this.box = box;
        this.clock = clock;
        this.window = window;
    }

    /** A new secret for the organization, returned once in clear; the old one stops working. */
    public String rotate(String orgId) {
        if (box == null) {
            throw new Refused("The ingestion service has no platform key (superkabe.secrets.key), so it cannot "
                    + "store a Clay secret", true);
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        store.saveSealed(orgId, box.encrypt(secret));
        return secret;
    }

    public void verify(String orgId, String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            throw new Refused("X-Clay-Timestamp and X-Clay-Signature headers are required", false);
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new Refused("X-Clay-Timestamp must be Unix seconds", false);
        }
        Instant now = clock.instant();
        if (Math.abs(now.getEpochSecond() - ts) > window.toSeconds()) {
            throw new Refused("X-Clay-Timestamp is outside the " + window.toMinutes() + "-minute replay window", false);
        }
        String sealed = store.sealedSecret(orgId).orElseThrow(() -> new Refused(
                "No Clay secret is set for this organization: POST /api/v1/integrations/clay/secret first", true));
        byte[] expected = hmac(box == null ? null : box.decrypt(sealed), timestamp.strip(), body);
        byte[] given = decodeHex(signature.strip().startsWith("sha256=") ? signature.strip().substring(7)
                : signature.strip());
        if (given == null || !MessageDigest.isEqual(expected, given)) {
            throw new Refused("The Clay signature does not match", false);
        }
        if (!store.firstUse(HexFormat.of().formatHex(given), now, now.minus(window.multipliedBy(2)))) {
            throw new Refused("This signed request was already received (replay)", false);
        }
    }

    public static byte[] hmac(String secret, String timestamp, byte[] body) {
        if (secret == null) {
            throw new Refused("The Clay secret cannot be read without the platform key", true);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decodeHex(String hex) {
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
