/**
 * The protection layer's use cases: feed registrations, send outcomes, ticks and operator
 * requests to the deciders, persist the result, audit every transition and publish the events.
 * Ports are interfaces here; JDBC and DNS implement them.
 */
package com.superkabe.protection.application;
