package com.superkabe.replypoller.application;

import com.superkabe.replypoller.domain.SentMessage;
import java.util.Collection;
import java.util.Map;

/** Port: the Message-IDs of messages we sent, from EmailSent. */
public interface SentMessages {

    /** Records a sent message; a message already known is left as it is. */
    void record(SentMessage sent);

    /** The known sent messages among these normalised ids, by id. */
    Map<String, SentMessage> findAll(Collection<String> normalisedIds);
}
