package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.IntakeSignature;
import com.superkabe.kit.secrets.SecretBox;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds customers' intake producers to organizations (ADR 0043). An organization issues producer
 * keys through the API (the secret is shown once, stored sealed with the platform key); when the
 * binding is required, an intake record counts only if it carries a key's id and that key's
 * signature over the record, and names the key's organization. Anything else is refused with a
 * reason and never stored. Keys never change once issued, so opened secrets are cached: the check
 * costs one HMAC per record, not a database read.
 */
public class IntakeBinding {

    /** A new key: its id and its secret, returned once in clear. */
    public record Issued(String producerId, String orgId, String secret) {
    }

    /** Issuing needs the platform key; without it the API answers 409. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private record Opened(String orgId, String secret) {
    }

    private final IntakeProducerKeys keys;
    private final SecretBox box;
    private final boolean required;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

    /** {@code box} is null when the platform has no secrets key: then no key can be issued or opened. */
    public IntakeBinding(IntakeProducerKeys keys, SecretBox box, boolean required) {
        this.keys = keys;
        this.box = box;
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    public Issued issue(String orgId) {
        if (box == null) {
            throw new Unavailable("The ingestion service has no platform key (superkabe.secrets.key), so it cannot "
                    + "store an intake producer secret");
        }
        String producerId = "ip_" + token(12);
        String secret = "ipsec_" + token(32);
        keys.save(new IntakeProducerKeys.Key(producerId, orgId, box.encrypt(secret)));
        return new Issued(producerId, orgId, secret);
    }

    /**
     * Why the record may not be taken as {@code orgId}'s, or empty when it may. Called only when
     * the binding is {@link #required()}.
     */
    public Optional<String> refusal(String producerId, String signature, byte[] value, String orgId) {
        if (producerId == null || producerId.isBlank() || signature == null || signature.isBlank()) {
            return Optional.of("unbound intake record: the " + IntakeSignature.PRODUCER_HEADER + " and "
                    + IntakeSignature.SIGNATURE_HEADER + " headers are required");
        }
        Opened key = open(producerId.strip());
        if (key == null) {
            return Optional.of("unknown intake producer '" + producerId.strip() + "'");
        }
        if (!IntakeSignature.matches(key.secret(), value, signature)) {
            return Optional.of("the " + IntakeSignature.SIGNATURE_HEADER + " of producer '" + producerId.strip()
                    + "' does not match the record");
        }
        if (!key.orgId().equals(orgId)) {
            return Optional.of("producer '" + producerId.strip() + "' is bound to organization '" + key.orgId()
                    + "', not to '" + orgId + "'");
        }
        return Optional.empty();
    }

    private Opened open(String producerId) {
        Opened cached = opened.get(producerId);
        if (cached != null) {
            return cached;
        }
        Optional<IntakeProducerKeys.Key> stored = keys.find(producerId);
        if (stored.isEmpty() || box == null) {
            return null;
        }
        Opened o = new Opened(stored.get().orgId(), box.decrypt(stored.get().sealedSecret()));
        opened.put(producerId, o);
        return o;
    }

    private String token(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
