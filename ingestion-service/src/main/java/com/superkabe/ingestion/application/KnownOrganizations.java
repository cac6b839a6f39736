package com.superkabe.ingestion.application;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Organizations are never deleted, so a positive answer is cached for the life of the process. */
public class KnownOrganizations {

    private final Organizations organizations;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public KnownOrganizations(Organizations organizations) {
        this.organizations = organizations;
    }

    public boolean exists(String orgId) {
        if (orgId == null) {
            return false;
        }
        if (known.contains(orgId)) {
            return true;
        }
        boolean exists = organizations.exists(orgId);
        if (exists) {
            known.add(orgId);
        }
        return exists;
    }
}
