package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Assertions the schedule tests share. */
final class ScheduleAssert {

    private static final double EPS = 1e-15;

    private ScheduleAssert() {
    }

    static Schedule parse(String text) {
        return Schedules.parse(text);
    }

    /** {@code actual} equals {@code expected} to 1e-15 relative. */
    static void close(double expected, double actual) {
        assertEquals(expected, actual, EPS * Math.max(Math.abs(expected), 1e-300));
    }
}
