/**
 * The operator CLI, {@code ./superkabe}: answers "why was this mailbox paused, why was this lead
 * blocked" from the topics alone. Each command is one class; reading topics, merging them in order
 * and decoding envelopes is {@link com.superkabe.cli.TopicHistory}'s job (ADR 0032).
 */
package com.superkabe.cli;
