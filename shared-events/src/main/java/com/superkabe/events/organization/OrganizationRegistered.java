package com.superkabe.events.organization;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/** A tenant exists and may call the API with the key whose SHA-256 hash is given. */
public record OrganizationRegistered(String orgId, String name, String apiKeySha256) implements SuperkabeEvent {
    public OrganizationRegistered {
        Require.text(orgId, "orgId");
        Require.text(name, "name");
        Require.text(apiKeySha256, "apiKeySha256");
    }

    @Override
    public String subject() {
        return orgId;
    }

    @Override
    public String partitionKey() {
        return orgId;
    }
}
