package com.superkabe.kit.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** API keys are stored only as SHA-256 hashes, projected from the organizations topic. */
public class ApiKeys {

    private final JdbcClient jdbc;

    public ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Optional<OrgId> resolve(String key) {
        return jdbc.sql("SELECT org_id FROM api_keys WHERE key_sha256 = ?").param(sha256(key))
                .query(String.class).optional().map(OrgId::new);
    }

    public void register(String orgId, String name, String keySha256) {
        jdbc.sql("INSERT INTO api_keys(key_sha256, org_id, org_name) VALUES (?, ?, ?) "
                        + "ON CONFLICT (key_sha256) DO UPDATE SET org_id = EXCLUDED.org_id, org_name = EXCLUDED.org_name")
                .params(keySha256, orgId, name).update();
    }
}
