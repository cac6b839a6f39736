package com.superkabe.protection.adapter.in.kafka;

import com.superkabe.protection.application.OperatorService;
import com.superkabe.protection.config.ProtectionProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Publishes this instance's settings (ADR 0064) in a lifecycle phase before the Kafka listener
 * containers' (which start at {@code Integer.MAX_VALUE - 100}), so the record is committed to the
 * outbox before the first input is handled. A start-up that cannot write it fails: the service
 * must not decide with settings the topics do not show.
 */
@Component
class SettingsAnnouncement implements SmartLifecycle {

    private final OperatorService operators;
    private final ProtectionProperties props;
    private volatile boolean running;

    SettingsAnnouncement(OperatorService operators, ProtectionProperties props) {
        this.operators = operators;
        this.props = props;
    }

    @Override
    public void start() {
        operators.announceSettings(props.tickSeconds());
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }
}
