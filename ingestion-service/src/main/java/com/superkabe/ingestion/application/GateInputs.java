package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.DomainLists;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.QualityPolicy;
import java.util.Collection;

/** Port: what the gate needs from outside — current lists, an organization's policy, MX answers. */
public interface GateInputs {

    DomainLists lists();

    QualityPolicy policy(String orgId);

    MxCheck mx();

    /** Looks up the MX of these domains ahead of judging (concurrently, into the per-domain cache). */
    void prefetchMx(Collection<String> asciiDomains);
}
