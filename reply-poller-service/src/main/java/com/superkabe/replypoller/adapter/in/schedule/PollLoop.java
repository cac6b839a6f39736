package com.superkabe.replypoller.adapter.in.schedule;

import com.superkabe.mailguard.ControlCharacters;
import com.superkabe.replypoller.application.InboxPoller;
import com.superkabe.replypoller.application.PollSchedule;
import com.superkabe.replypoller.config.PollProperties;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * From start-up until shutdown, one dispatcher thread looks for due mailboxes several times per
 * interval (at least every second) and hands each to a pool of {@code parallelism} workers; the
 * {@link PollSchedule} keeps one mailbox or organization from holding them all (ADR 0027). A failing
 * dispatch is logged and the loop goes on (an exception escaping a scheduled task would silently end it).
 */
@Component
class PollLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PollLoop.class);

    private final InboxPoller poller;
    private final PollProperties props;
    private ScheduledExecutorService dispatcher;
    private ExecutorService workers;
    private PollSchedule schedule;

    PollLoop(InboxPoller poller, PollProperties props) {
        this.poller = poller;
        this.props = props;
    }

    @Override
    public synchronized void start() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(props.parallelism(), r -> daemon(r, "reply-poller-" + n.incrementAndGet()));
        dispatcher = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "reply-poller-dispatch"));
        schedule = new PollSchedule(props.interval(), props.parallelism(), props.perOrganization());
        long tick = Math.max(50, Math.min(Duration.ofSeconds(1).toMillis(), props.interval().toMillis() / 4));
        dispatcher.scheduleWithFixedDelay(this::dispatch, props.interval().toMillis(), tick, TimeUnit.MILLISECONDS);
        log.info("Polling inboxes every {}, at most {} at once and {} per organization", props.interval(),
                props.parallelism(), props.perOrganization());
    }

    private void dispatch() {
        try {
            poller.pollDue(schedule, workers);
        } catch (RuntimeException e) {
            log.error("Inbox poll dispatch failed; retrying: {}", com.superkabe.mailguard.ControlCharacters
                    .escaped(e));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public synchronized void stop() {
        if (dispatcher != null) {
            dispatcher.shutdownNow();
            workers.shutdownNow();
            try {
                dispatcher.awaitTermination(10, TimeUnit.SECONDS);
                workers.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dispatcher = null;
            workers = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return dispatcher != null;
    }
}
