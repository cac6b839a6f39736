package com.superkabe.replypoller.domain;

import java.util.Optional;

/** The messages we sent, by normalised Message-ID. */
@FunctionalInterface
public interface SentMessageLookup {

    Optional<SentMessage> find(String normalisedMessageId);
}
