package com.superkabe.ingestion.domain;

import com.superkabe.events.organization.OrganizationMailingAddressSet;
import java.util.List;
import java.util.Objects;

/**
 * Setting an organization's mailing address: a change is one event, setting the current address
 * again is none (so a retried PUT announces nothing twice).
 */
public final class MailingAddressDecider {

    /** What is stored now: the address ({@code null} before the first) and how often it changed. */
    public record Current(String address, int version) {
        public Current {
            if (version < 0) {
                throw new IllegalArgumentException("version must be >= 0");
            }
        }
    }

    private MailingAddressDecider() {
    }

    public static List<OrganizationMailingAddressSet> decide(String orgId, MailingAddress wanted, Current current) {
        if (Objects.equals(current.address(), wanted.value())) {
            return List.of();
        }
        return List.of(new OrganizationMailingAddressSet(orgId, wanted.value()));
    }

    public static Current evolve(Current current, OrganizationMailingAddressSet event) {
        return new Current(event.mailingAddress(), current.version() + 1);
    }
}
