package com.superkabe.ingestion.application;

import com.superkabe.events.organization.OrganizationMailingAddressSet;
import com.superkabe.ingestion.domain.MailingAddress;
import com.superkabe.ingestion.domain.MailingAddressDecider;
import com.superkabe.kit.kafka.Envelopes;
import com.superkabe.kit.outbox.EventSink;
import java.util.Optional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets and reads an organization's mailing address. The row is locked while deciding, and the
 * change and its event are written in one transaction (the outbox), so concurrent PUTs of one
 * address announce it once and a stored address is always announced.
 */
public class MailingAddressService {

    private final MailingAddresses addresses;
    private final EventSink events;
    private final Envelopes envelopes;
    private final TransactionTemplate tx;

    public MailingAddressService(MailingAddresses addresses, EventSink events, Envelopes envelopes,
                                 TransactionTemplate tx) {
        this.addresses = addresses;
        this.events = events;
        this.envelopes = envelopes;
        this.tx = tx;
    }

    /** Returns whether the address changed (false: it was already this one, nothing published). */
    public boolean set(String orgId, MailingAddress address) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            MailingAddressDecider.Current current = addresses.lock(orgId)
                    .orElseThrow(() -> new IllegalStateException("organization " + orgId + " is not stored"));
            var decided = MailingAddressDecider.decide(orgId, address, current);
            for (OrganizationMailingAddressSet event : decided) {
                current = MailingAddressDecider.evolve(current, event);
                addresses.save(orgId, current);
                events.publish(envelopes.origin("organization/" + orgId + "/mailing-address/" + current.version(),
                        -1, event));
            }
            return !decided.isEmpty();
        }));
    }

    public Optional<String> find(String orgId) {
        return addresses.find(orgId);
    }
}
