package com.superkabe.events.organization;

import com.superkabe.events.Require;
import com.superkabe.events.SuperkabeEvent;

/**
 * The organization's postal address (CAN-SPAM § 5(a)(5)), printed in the footer of every message.
 * Until one is set, campaigns cannot be activated and nothing is sent (ADR 0020).
 */
public record OrganizationMailingAddressSet(String orgId, String mailingAddress) implements SuperkabeEvent {
    public OrganizationMailingAddressSet {
        Require.text(orgId, "orgId");
        Require.text(mailingAddress, "mailingAddress");
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
