package org.trainkit.reweight;

import org.trainkit.schedules.Numbers;
import org.trainkit.schedules.SpecException;

/** Range checks of strategy settings; each error names the strategy, the key and what was expected. */
final class Require {

    private Require() {
    }

    static double positive(String strategy, String key, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw bad(strategy, key, "a finite number > 0", value);
        }
        return value;
    }

    static double nonNegative(String strategy, String key, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw bad(strategy, key, "a finite number >= 0", value);
        }
        return value;
    }

    static int nonNegative(String strategy, String key, int value) {
        if (value < 0) {
            throw new SpecException(strategy + ": key '" + key + "' must be a whole number >= 0, got " + value);
        }
        return value;
    }

    static int positive(String strategy, String key, int value) {
        if (value < 1) {
            throw new SpecException(strategy + ": key '" + key + "' must be a whole number >= 1, got " + value);
        }
        return value;
    }

    /** {@code value} in {@code [low, high)}. */
    static double halfOpen(String strategy, String key, double value, double low, double high) {
        if (!(value >= low && value < high)) {
            throw bad(strategy, key, "in [" + Numbers.format(low) + ", " + Numbers.format(high) + ")", value);
        }
        return value;
    }

    /** {@code value} in {@code (low, high]}. */
    static double leftOpen(String strategy, String key, double value, double low, double high) {
        if (!(value > low && value <= high)) {
            throw bad(strategy, key, "in (" + Numbers.format(low) + ", " + Numbers.format(high) + "]", value);
        }
        return value;
    }

    private static SpecException bad(String strategy, String key, String expected, double value) {
        return new SpecException(strategy + ": key '" + key + "' must be " + expected + ", got " + value);
    }
}
