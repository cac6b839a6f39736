/**
 * What the pages show, computed from the services' JSON without I/O: the mailbox list's counts,
 * filters and pages, a mailbox's story and graduation progress, a campaign's run figures.
 */
package com.superkabe.console.view;
