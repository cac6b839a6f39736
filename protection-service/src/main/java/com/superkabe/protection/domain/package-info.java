/**
 * The protection layer's pure logic. For now: per-mailbox counters of sends, bounces and other
 * failures evolved from send outcomes; the mailbox and domain state machines will build on them.
 * No frameworks.
 */
package com.superkabe.protection.domain;
