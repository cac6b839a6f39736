/**
 * Reading Gmail-API and Microsoft-Graph inboxes through their HTTP APIs (ADR 0021): OAuth2 tokens,
 * Gmail's history and Graph's delta query as cursors, full resync when a cursor expires, and the raw
 * RFC 5322 bytes handed to the same MIME parsing and classification as IMAP.
 */
package com.superkabe.replypoller.adapter.out.api;
