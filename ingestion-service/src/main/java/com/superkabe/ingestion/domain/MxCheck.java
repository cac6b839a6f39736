package com.superkabe.ingestion.domain;

/** Port the gate asks for a domain's MX verdict (cached per domain by the adapter: "DomainInsight"). */
@FunctionalInterface
public interface MxCheck {

    MxResult lookup(String asciiDomain);

    MxCheck DISABLED = domain -> MxResult.notRun("not run: the MX check is switched off (superkabe.ingestion.mx.enabled)");
}
