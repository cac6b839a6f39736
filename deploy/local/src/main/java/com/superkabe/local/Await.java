package com.superkabe.local;

import java.io.IOException;
import java.time.Duration;

/** The demos' one way of waiting: poll twice a second until a check holds or the time is up. */
final class Await {

    @FunctionalInterface
    interface Check {
        boolean done() throws IOException, InterruptedException;
    }

    private Await() {
    }

    /** Polls (the check may print what is new as it goes) until done or the timeout; a failed read is retried. */
    static boolean until(Duration timeout, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (check.done()) {
                    return true;
                }
            } catch (IOException e) {
                Console.warn("while waiting: " + e.getMessage());
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(500);
        }
    }
}
