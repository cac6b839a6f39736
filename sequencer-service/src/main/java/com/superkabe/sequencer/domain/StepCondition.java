package com.superkabe.sequencer.domain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on the execution context that decides whether a step is sent or skipped with a log
 * (seed 003, "branch conditions … against a point-in-time snapshot"). Only events that reached the run
 * before the snapshot count, so a replay decides the same.
 */
public sealed interface StepCondition {

    /** The earlier step the condition is about. */
    int step();

    boolean holds(ExecutionContext context);

    /** The written form, as the API takes it: {@code opened(0)}, {@code clicked(1)}, {@code notOpenedWithin(0, 1440)}. */
    String text();

    /** The email of {@code step} was opened. */
    record Opened(int step) implements StepCondition {
        @Override
        public boolean holds(ExecutionContext c) {
            return c.firstEvent(step, ExecutionContext.OPENED).isPresent();
        }

        @Override
        public String text() {
            return "opened(" + step + ")";
        }
    }

    /** A link in the email of {@code step} was clicked. */
    record Clicked(int step) implements StepCondition {
        @Override
        public boolean holds(ExecutionContext c) {
            return c.firstEvent(step, ExecutionContext.CLICKED).isPresent();
        }

        @Override
        public String text() {
            return "clicked(" + step + ")";
        }
    }

    /**
     * The email of {@code step} was sent and {@code ticks} have passed since without an open: the
     * window must be over, so a snapshot taken inside it does not hold.
     */
    record NotOpenedWithin(int step, long ticks) implements StepCondition {
        public NotOpenedWithin {
            if (ticks < 1) {
                throw new IllegalArgumentException("ticks must be >= 1");
            }
        }

        @Override
        public boolean holds(ExecutionContext c) {
            return c.sentAt(step).map(sent -> c.tick() - sent >= ticks
                    && c.firstEvent(step, ExecutionContext.OPENED).map(open -> open - sent > ticks).orElse(true))
                    .orElse(false);
        }

        @Override
        public String text() {
            return "notOpenedWithin(" + step + ", " + ticks + ")";
        }
    }

    Pattern FORM = Pattern.compile("\\s*(opened|clicked|notopenedwithin)\\s*\\(\\s*(\\d{1,2})\\s*(?:,\\s*(\\d{1,12})\\s*)?\\)\\s*");

    /** Parses the written form; {@code position} is the step that carries it (a condition looks back only). */
    static StepCondition parse(String text, int position) {
        Matcher m = text == null ? null : FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("condition must be opened(step), clicked(step) or "
                    + "notOpenedWithin(step, ticks)");
        }
        int step = Integer.parseInt(m.group(2));
        if (step >= position) {
            throw new IllegalArgumentException("condition must refer to an earlier step (0.." + (position - 1) + ")");
        }
        boolean within = m.group(1).equals("notopenedwithin");
        if (within != (m.group(3) != null)) {
            throw new IllegalArgumentException(within ? "notOpenedWithin needs a number of ticks"
                    : m.group(1) + " takes only a step");
        }
        return switch (m.group(1)) {
            case "opened" -> new Opened(step);
            case "clicked" -> new Clicked(step);
            default -> new NotOpenedWithin(step, Long.parseLong(m.group(3)));
        };
    }
}
