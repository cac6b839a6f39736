package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.DomainLists;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.QualityPolicy;
import java.util.Collection;

/** Port: what the gate needs from outside — current lists, an organization's policy, MX answers. */
public interface GateInputs {

    DomainLists lists();

    QualityPolicy policy(String orgId);

    /**
     * The MX answer of each of these domains, asked before anything is judged (concurrently, cached
     * per domain, bounded by the DNS timeout; NOT_RUN for all when the check is switched off). The
     * gate decides from these answers, never from DNS.
     */
    MxCheck mx(Collection<String> asciiDomains);
}
