package com.superkabe.replypoller.domain;

/**
 * HARD: the address is permanently invalid (suppress it); SOFT: any other failure (retry or back
 * off). The rule is in docs/adr/0015-bounces-and-auto-replies.md and {@link BounceReasons}.
 */
public enum BounceClass { HARD, SOFT }
