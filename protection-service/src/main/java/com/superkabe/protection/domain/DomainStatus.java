package com.superkabe.protection.domain;

import java.util.Locale;
import java.util.Optional;

/** The domain states: healthy, warning, paused (a paused domain cascades to its mailboxes). */
public enum DomainStatus {
    HEALTHY, WARNING, PAUSED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DomainStatus> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (DomainStatus s : values()) {
            if (s.wire().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
