/** Tenants and their API credentials; written by the ingestion service, read by every service with an API. */
package com.superkabe.events.organization;
