package com.superkabe.sendadapter.application;

/** What a tracking event needs to know about the send a token names. */
public record TrackedSend(String orgId, String sendId, String runId, String campaignId, String leadId,
                          String mailboxId, int step, String recipient, String messageId) {
}
