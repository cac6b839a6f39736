package com.superkabe.ingestion.application;

import com.superkabe.ingestion.domain.DomainLists;
import com.superkabe.ingestion.domain.MxCheck;
import com.superkabe.ingestion.domain.QualityPolicy;
import java.util.Collection;
import java.util.Set;

/** The gate's inputs for application tests: empty lists, the default policy, MX answers from {@code dns}. */
record Inputs(MxCheck dns) implements GateInputs {
    @Override
    public DomainLists lists() {
        return new DomainLists(Set.of(), Set.of(), Set.of(), Set.of());
    }

    @Override
    public QualityPolicy policy(String orgId) {
        return QualityPolicy.DEFAULT;
    }

    @Override
    public MxCheck mx(Collection<String> asciiDomains) {
        java.util.Map<String, com.superkabe.ingestion.domain.MxResult> answers = new java.util.HashMap<>();
        asciiDomains.forEach(d -> answers.put(d, dns.lookup(d)));
        return MxCheck.of(answers);
    }
}
