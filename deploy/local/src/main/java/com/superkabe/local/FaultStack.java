package com.superkabe.local;

import java.util.List;
import java.util.stream.Stream;

/**
 * The parts of the local stack a fault run breaks and repairs: the broker, the services, PostgreSQL, and
 * the fault proxies in front of the broker and PostgreSQL (for the whole run) and in front of the scenario's
 * SMTP peer and the IMAP server (one pair per scenario, null until {@link #withMail}).
 */
record FaultStack(KafkaBroker kafka, ServiceFleet fleet, Http http, PostgresCrash postgres, FaultProxy kafkaProxy,
                  FaultProxy postgresProxy, FaultProxy smtpProxy, FaultProxy imapProxy) {

    FaultStack withMail(FaultProxy smtp, FaultProxy imap) {
        return new FaultStack(kafka, fleet, http, postgres, kafkaProxy, postgresProxy, smtp, imap);
    }

    /** Every proxy the services' connections go through in this scenario. */
    List<FaultProxy> proxies() {
        return Stream.of(kafkaProxy, postgresProxy, smtpProxy, imapProxy).filter(java.util.Objects::nonNull).toList();
    }
}
