package com.superkabe.events.gate;

/** One gate check as evaluated: {@code result} is YES, NO or N/A (not run after an earlier failure). */
public record CheckOutcome(String check, String result, String detail) {
}
