/**
 * Calls to the services' REST APIs with the signed-in organization's key; a service's refusal
 * becomes an {@link com.superkabe.console.client.ApiCallFailed} carrying its problem detail.
 */
package com.superkabe.console.client;
