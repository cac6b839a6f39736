package com.superkabe.console.web;

import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The signed-in operator, kept only in the server-side session: the organization's API key (sent
 * to the services, never rendered) and the label pages and audit entries know the key by — the
 * first 12 hex digits of its SHA-256, as protection's audit trail names the actor.
 */
public record Operator(String apiKey, String label, String mode) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static Operator of(String apiKey, String mode) {
        return new Operator(apiKey, "apikey:" + sha256(apiKey).substring(0, 12), mode);
    }

    /** Never the key: this record may end up in a log line through a framework's toString. */
    @Override
    public String toString() {
        return "Operator[" + label + "]";
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
