package com.superkabe.sequencer.application;

import com.superkabe.sequencer.domain.Suppression;
import java.util.Collection;
import java.util.List;

/** Port: the organization-wide suppression view, fed only from the ordered input queue. */
public interface Suppressions {

    /** Records the fact unless the address is already suppressed in its organization (the first fact is kept). */
    void add(Suppression suppression);

    /** The suppressions of these (orgId, address key) pairs; addresses not suppressed are absent. */
    List<Suppression> find(Collection<Recipient> recipients);

    /** An organization's recipient, its address already a {@link Suppression#key}. */
    record Recipient(String orgId, String address) {
    }
}
