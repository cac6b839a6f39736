package com.superkabe.sendadapter.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tracking and unsubscribe links ({@code superkabe.tracking.*}). {@code baseUrl} is the public origin
 * the {@code /t/**} routes are reached at. {@code secret} signs tokens (at least 32 bytes); when unset,
 * a key is derived from the platform key {@code superkabe.secrets.key}, so every replica agrees and
 * links survive restarts. {@code previousSecrets} are still accepted, for rotation.
 *
 * @param baseUrl the public origin the /t/** routes are reached at (required)
 * @param secret the key that signs tracking tokens, at least 32 bytes (unset: derived from superkabe.secrets.key)
 * @param previousSecrets earlier keys still accepted, for rotation
 * @param openPixel whether the open pixel is added (default true)
 * @param clickTracking whether links are rewritten for click tracking (default true)
 */
@ConfigurationProperties("superkabe.tracking")
public record TrackingProperties(String baseUrl, String secret, List<String> previousSecrets, Boolean openPixel,
                                 Boolean clickTracking) {

    public TrackingProperties {
        baseUrl = validBaseUrl(baseUrl);
        previousSecrets = previousSecrets == null ? List.of()
                : previousSecrets.stream().filter(k -> k != null && !k.isBlank()).toList();
        openPixel = openPixel == null || openPixel;
        clickTracking = clickTracking == null || clickTracking;
    }

    /** The signing key first, then the accepted previous keys, then the derived key it replaced. */
    List<byte[]> keys(String platformKey) {
        List<byte[]> keys = new ArrayList<>();
        if (secret == null || secret.isBlank()) {
            if (platformKey == null || platformKey.isBlank()) {
                throw new IllegalStateException("superkabe.tracking.secret is not set, and there is no "
                        + "superkabe.secrets.key to derive it from: set SUPERKABE_TRACKING_SECRET (at least 32 bytes)");
            }
            keys.add(derive(platformKey));
        } else {
            keys.add(key("superkabe.tracking.secret", secret));
        }
        for (int i = 0; i < previousSecrets.size(); i++) {
            keys.add(key("superkabe.tracking.previous-secrets[" + i + "]", previousSecrets.get(i)));
        }
        if (secret != null && !secret.isBlank() && platformKey != null && !platformKey.isBlank()) {
            // links issued before an explicit secret was configured (unsubscribe links among them)
            // were signed with the derived key and stay in inboxes for 180 days
            keys.add(derive(platformKey));
        }
        return keys;
    }

    private static byte[] key(String property, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException(property + " must be at least 32 bytes long");
        }
        return bytes;
    }

    /** A separate key for tracking, so a token MAC can never double as anything the platform key seals. */
    private static byte[] derive(String platformKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(platformKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("superkabe/tracking-token-key/v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static String validBaseUrl(String baseUrl) {
        String problem = "superkabe.tracking.base-url must be an absolute http(s) URL without query, e.g. "
                + "https://track.example.com; was '" + baseUrl + "'";
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException(problem);
        }
        try {
            URI uri = new URI(baseUrl.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || baseUrl.indexOf(',') >= 0
                    || !uri.toASCIIString().equals(baseUrl.strip())) {
                throw new IllegalStateException(problem);
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(problem, e);
        }
        String s = baseUrl.strip();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
