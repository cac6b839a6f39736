package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.MailingAddressDecider;
import java.util.Optional;

/** Port: each organization's postal address and its change count. */
public interface MailingAddresses {

    /** The stored address, locked until the transaction ends; empty if the organization does not exist. */
    Optional<MailingAddressDecider.Current> lock(String orgId);

    Optional<String> find(String orgId);

    void save(String orgId, MailingAddressDecider.Current current);
}
