package com.superkabe.ingestion.application;

import com.superkabe.events.organization.OrganizationRegistered;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import com.superkabe.kit.security.ApiKeys;

/** Registers tenants; only the key's hash leaves this use case, on the organizations topic. */
public class OrganizationService {

    private final Organizations organizations;
    private final EventSink events;
    private final Envelopes envelopes;

    public OrganizationService(Organizations organizations, EventSink events, Envelopes envelopes) {
        this.organizations = organizations;
        this.events = events;
        this.envelopes = envelopes;
    }

    public void register(String orgId, String name, String apiKey) {
        organizations.insert(orgId, name);
        events.publish(envelopes.origin("organization/" + orgId, -1,
                new OrganizationRegistered(orgId, name, ApiKeys.sha256(apiKey))));
    }
}
