package com.superkabe.local;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Runs the chosen demos one after the other; the run passes only if every one of them passed. */
final class Demos {

    /** {@code leads} is null unless the leads demo ran; {@code demoLines}: what the other demos add to the summary. */
    record Result(boolean passed, DemoSeeder.Seeded leads, List<String> demoLines) {
    }

    private Demos() {
    }

    static Result run(List<Options.Demo> demos, Http http, MailServer mail) throws IOException, InterruptedException {
        DemoSeeder.Seeded seeded = null;
        List<String> demoLines = new ArrayList<>();
        boolean allPassed = true;
        for (Options.Demo demo : demos) {
            Console.info("=== demo: " + demo.wire() + " ===");
            DemoVerdict.State state;
            String explanation;
            if (demo == Options.Demo.LEADS) {
                seeded = new DemoSeeder(http).seed();
                DemoVerdict v = new DemoObserver(http, mail, seeded).watch();
                state = v.state();
                explanation = v.explanation();
            } else if (demo == Options.Demo.PROTECTION) {
                ProtectionDemo protection = new ProtectionDemo(http, mail);
                ProtectionVerdict v = protection.run();
                demoLines.addAll(protection.summaryLines());
                state = v.state();
                explanation = v.explanation();
            } else {
                SendingDemo sending = new SendingDemo(http);
                SendingVerdict v = sending.run();
                demoLines.addAll(sending.summaryLines());
                state = v.state();
                explanation = v.explanation();
            }
            Console.info("DEMO " + (demos.size() > 1 ? demo.wire() + " " : "") + state + ": " + explanation);
            allPassed &= state == DemoVerdict.State.PASSED;
        }
        return new Result(allPassed, seeded, demoLines);
    }
}
