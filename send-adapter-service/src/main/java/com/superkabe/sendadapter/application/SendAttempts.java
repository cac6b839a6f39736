package com.superkabe.sendadapter.application;

import com.superkabe.events.run.SendRequested;
import com.superkabe.sendadapter.domain.AttemptState;
import com.superkabe.sendadapter.domain.Delivery;
import java.util.Optional;

/** Port: the per-send-id record that makes sends exactly-once. */
public interface SendAttempts {

    Optional<AttemptState> find(String sendId);

    /** Records the request's send id with the details tracking tokens are later resolved to. */
    void claim(SendRequested request, String messageId, AttemptState state);

    void settle(String sendId, AttemptState state, Delivery delivery);
}
