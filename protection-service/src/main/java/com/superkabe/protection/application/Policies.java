package com.superkabe.protection.application;

import com.superkabe.protection.domain.Mode;
import com.superkabe.protection.domain.PolicyOverrides;
import com.superkabe.protection.domain.ProtectionPolicy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Each organization's policy (the service defaults with its overrides) and mode, cached per org. */
public class Policies {

    private final ProtectionStore store;
    private final ProtectionPolicy defaults;
    private final Mode defaultMode;
    private final Map<String, ProtectionStore.OrgSettings> cache = new ConcurrentHashMap<>();

    public Policies(ProtectionStore store, ProtectionPolicy defaults, Mode defaultMode) {
        this.store = store;
        this.defaults = defaults;
        this.defaultMode = defaultMode;
    }

    public ProtectionPolicy policy(String orgId) {
        ProtectionStore.OrgSettings s = settings(orgId);
        return com.superkabe.protection.domain.RecordedPolicy.of(defaults, s.overrides(), s.manualOverride());
    }

    /** Whether the organization is on the manual-override tier (cooldowns doubled). */
    public boolean manualOverride(String orgId) {
        return settings(orgId).manualOverride();
    }

    public PolicyOverrides overrides(String orgId) {
        return settings(orgId).overrides();
    }

    public Mode mode(String orgId) {
        String m = settings(orgId).mode();
        return m == null ? defaultMode : Mode.valueOf(m);
    }

    public Mode defaultMode() {
        return defaultMode;
    }

    public ProtectionPolicy defaults() {
        return defaults;
    }

    /** Forget the cached settings after a change (the change is committed by then or rolled back). */
    public void invalidate(String orgId) {
        cache.remove(orgId);
    }

    private ProtectionStore.OrgSettings settings(String orgId) {
        return cache.computeIfAbsent(orgId, store::settings);
    }
}
