package com.superkabe.protection.domain;

import java.util.Locale;
import java.util.Optional;

/** What an organization lets protection do: record only, recommend, or enforce. */
public enum Mode {
    OBSERVE, SUGGEST, ENFORCE;

    public static Optional<Mode> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
