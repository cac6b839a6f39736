package com.superkabe.console;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the console finds the services' public REST APIs, and how it pages.
 *
 * @param ingestion base URL of the ingestion service (leads, organizations)
 * @param gate base URL of the gate service (gate decisions)
 * @param sequencer base URL of the sequencer service (campaigns, runs)
 * @param sendAdapter base URL of the send adapter service (mailboxes' providers)
 * @param replyPoller base URL of the reply poller service
 * @param protection base URL of the protection service (mailbox and domain states, audit trail)
 * @param protectionMailboxesPath path of protection's mailbox resource on the protection base URL
 * @param protectionDomainsPath path of protection's domain resource on the protection base URL
 * @param protectionModePath path of protection's mode resource; the sign-in checks the API key against it
 * @param protectionPolicyPath path of protection's policy resource (bounce thresholds and windows)
 * @param protectionGraduationPath path of protection's graduation criteria (per healing phase, and the current tick)
 * @param protectionCountsPath path of protection's mailbox counts per state and provider
 * @param timeout how long one call to a service may take before the page says the service did not answer
 * @param pageSize how many mailboxes one page of the mailbox list shows (1 to 500)
 */
@Validated
@ConfigurationProperties("superkabe.console")
public record ConsoleProperties(
        @DefaultValue("http://localhost:8081") @NotNull URI ingestion,
        @DefaultValue("http://localhost:8082") @NotNull URI gate,
        @DefaultValue("http://localhost:8083") @NotNull URI sequencer,
        @DefaultValue("http://localhost:8084") @NotNull URI sendAdapter,
        @DefaultValue("http://localhost:8085") @NotNull URI replyPoller,
        @DefaultValue("http://localhost:8086") @NotNull URI protection,
        @DefaultValue("/api/v1/protection/mailboxes") @NotNull String protectionMailboxesPath,
        @DefaultValue("/api/v1/protection/domains") @NotNull String protectionDomainsPath,
        @DefaultValue("/api/v1/protection/mode") @NotNull String protectionModePath,
        @DefaultValue("/api/v1/protection/policy") @NotNull String protectionPolicyPath,
        @DefaultValue("/api/v1/protection/graduation-criteria") @NotNull String protectionGraduationPath,
        @DefaultValue("/api/v1/protection/mailbox-counts") @NotNull String protectionCountsPath,
        @DefaultValue("10s") @NotNull Duration timeout,
        @DefaultValue("50") @Min(1) @Max(500) int pageSize) {
}
