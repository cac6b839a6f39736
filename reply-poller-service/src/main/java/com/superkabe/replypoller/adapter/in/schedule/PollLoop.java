package com.superkabe.replypoller.adapter.in.schedule;

import com.superkabe.replypoller.application.InboxPoller;
import com.superkabe.replypoller.config.PollProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls every inbox at a fixed delay on one thread, from start-up until shutdown. A failing poll is
 * logged and the loop goes on (an exception escaping a scheduled task would silently end it).
 */
@Component
class PollLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);

    private final InboxPoller poller;
    private final PollProperties props;
    private ScheduledExecutorService executor;

    PollLoop(InboxPoller poller, PollProperties props) {
        this.poller = poller;
        this.props = props;
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "reply-poller");
            t.setDaemon(true);
            return t;
        });
        long delay = props.interval().toMillis();
        executor.scheduleWithFixedDelay(this::pollOnce, delay, delay, TimeUnit.MILLISECONDS);
        log.info("Polling inboxes every {}", props.interval());
    }

    private void pollOnce() {
        try {
            poller.pollAll();
        } catch (RuntimeException e) {
            log.error("Inbox poll failed; retrying next interval", e);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
