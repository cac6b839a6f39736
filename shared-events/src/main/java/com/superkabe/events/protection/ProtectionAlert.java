package com.superkabe.events.protection;

import com.superkabe.events.SuperkabeEvent;

/** Things protection tells people about rather than enforces, keyed by organization. */
public sealed interface ProtectionAlert extends SuperkabeEvent permits ProtectionRecommended, ProviderSpikeDetected {

    @Override
    default String partitionKey() {
        return orgId();
    }
}
