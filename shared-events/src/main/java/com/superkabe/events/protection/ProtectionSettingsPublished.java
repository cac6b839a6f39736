package com.superkabe.events.protection;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * The settings a protection instance decides by, published on {@code superkabe.protection-modes}
 * when it starts and before its listeners do (ADR 0064), so a replay of the topics decides with the
 * settings the service had, not with the product's defaults. {@code tickSeconds} is the logical
 * tick length the durations were converted with; {@code defaultMode} the mode of organizations that
 * never set one; {@code tick} protection's clock when it started.
 */
public record ProtectionSettingsPublished(long tickSeconds, String defaultMode, ProtectionSettings settings, long tick)
        implements SuperkabeEvent {

    /** One key for every instance: the settings' order is the one partition's. */
    public static final String KEY = "protection-settings";

    public ProtectionSettingsPublished {
        if (tickSeconds < 1) {
            throw new IllegalArgumentException("tickSeconds must be >= 1");
        }
        Require.text(defaultMode, "defaultMode");
        if (settings == null) {
            throw new IllegalArgumentException("settings is required");
        }
    }

    /** The service's settings are no tenant's. */
    @Override
    public String orgId() {
        return "system";
    }

    @Override
    public String subject() {
        return KEY;
    }

    @Override
    public String partitionKey() {
        return KEY;
    }
}
