package com.superkabe.ingestion.domain;

/**
 * The MX answers the gate judges with, gathered by the shell before the decision (the cached
 * "DomainInsight" per domain): looking one up here never asks DNS.
 */
@FunctionalInterface
public interface MxCheck {

    MxResult lookup(String asciiDomain);

    /** Answers gathered beforehand; a domain not among them was not asked (NOT_RUN). */
    static MxCheck of(java.util.Map<String, MxResult> answers) {
        java.util.Map<String, MxResult> copy = java.util.Map.copyOf(answers);
        return domain -> copy.getOrDefault(domain, MxResult.notRun("not run: the domain was not asked"));
    }

    MxCheck DISABLED = domain -> MxResult.notRun("not run: the MX check is switched off (superkabe.ingestion.mx.enabled)");
}
