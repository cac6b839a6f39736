/**
 * The ingestion gate's pure checks: syntax (with IDNA), disposable domains, role accounts,
 * suspicious TLDs, the MX verdict it is handed, lead-health scoring with per-organization policy,
 * header injection, and the org-wide lead status projection.
 */
package com.superkabe.ingestion.domain;
