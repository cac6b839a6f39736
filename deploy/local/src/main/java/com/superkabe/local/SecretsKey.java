package com.superkabe.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key the services encrypt mailbox credentials with: 32 random bytes, base64, made once and
 * kept in {@code .local-stack/secret.key} so every service (and every run) uses the same one.
 */
final class SecretsKey {

    private SecretsKey() {
    }

    static String loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                String key = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (Base64.getDecoder().decode(key).length == 32) {
                    return key;
                }
                throw new StackException(file + " does not hold a base64 32-byte key; delete it to get a new one");
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String key = Base64.getEncoder().encodeToString(bytes);
            Files.createDirectories(file.getParent());
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            restrictToOwner(file);
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new StackException("cannot use secrets key file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // e.g. Windows: the file stays readable by the user's other accounts; acceptable for a local demo key
        }
    }
}
