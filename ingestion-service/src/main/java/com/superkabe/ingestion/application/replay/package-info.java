/**
 * Intake decisions re-made from topic history alone (ADR 0048): every {@code LeadIntakeChecked} on
 * {@code superkabe.intake-checks} decided again by the pure {@code IntakeDecider} with the replay's own
 * memory of the leads it created, and compared with what ingestion published on
 * {@code superkabe.leads}. Used by the golden history tests and meant for the operator CLI's
 * {@code verify --service ingestion}.
 */
package com.superkabe.ingestion.application.replay;
