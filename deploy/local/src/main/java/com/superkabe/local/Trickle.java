package com.superkabe.local;

/** Clean sends spread over the warm_recovery phase, a few per poll, as a recovering mailbox would send. */
final class Trickle {
    private final OutcomeSimulator sim;
    private final ClockWatcher clock;
    private final int total;
    private int sent;
    private boolean reported;

    Trickle(OutcomeSimulator sim, ClockWatcher clock, int total) {
        this.sim = sim;
        this.clock = clock;
        this.total = total;
    }

    void next() throws InterruptedException {
        for (int i = 0; i < 3 && sent < total; i++) {
            sim.accepted(ProtectionDemoData.cleanRecipient(sim.published()), clock.tick());
            sent++;
        }
        if (sent == total && !reported) {
            reported = true;
            Console.info("simulated: " + total + " more sends accepted in warm_recovery ("
                    + ProtectionDemoData.CLEAN_AFTER + " clean since the last bounce)");
        }
    }

    void finish() throws InterruptedException {
        do {
            next();
        } while (sent < total);
    }
}
