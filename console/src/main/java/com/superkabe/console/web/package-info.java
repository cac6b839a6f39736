/**
 * The console's HTTP side: sign-in with the organization's API key, CSRF-protected forms, and one
 * controller per page family (mailboxes, campaigns, leads), each composing service calls into a view.
 */
package com.superkabe.console.web;
