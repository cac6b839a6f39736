package com.superkabe.sendadapter.application;

import com.superkabe.sendadapter.domain.AttemptState;
import com.superkabe.sendadapter.domain.Delivery;
import java.util.Optional;

/** Port: the per-send-id record that makes sends exactly-once. */
public interface SendAttempts {

    Optional<AttemptState> find(String sendId);

    void claim(String sendId, String mailboxId, String messageId, AttemptState state);

    void settle(String sendId, AttemptState state, Delivery delivery);
}
