package org.trainkit.schedules;

/**
 * The value checks every schedule's constructor runs, with one message style for all of them:
 * {@code <schedule>: key '<key>' must be <rule>, got <value>}.
 */
final class Check {

    private Check() {
    }

    static SpecException error(String kind, String key, String rule, Object got) {
        return new SpecException(kind + ": key '" + key + "' must be " + rule + ", got " + got);
    }

    /** A learning rate: finite and not negative. */
    static double rate(String kind, String key, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw error(kind, key, "a finite rate >= 0", text(value));
        }
        return value;
    }

    /** A peak learning rate: finite and positive. */
    static double positive(String kind, String key, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw error(kind, key, "a finite number > 0", text(value));
        }
        return value;
    }

    /** A rate that must not exceed another one (a final rate below the peak). */
    static double atMost(String kind, String key, double value, String otherKey, double other) {
        rate(kind, key, value);
        if (value > other) {
            throw error(kind, key, "<= " + otherKey + " (" + text(other) + ")", text(value));
        }
        return value;
    }

    /** A total length in steps: at least 1. */
    static int total(String kind, int total) {
        if (total < 1) {
            throw error(kind, "total", ">= 1", total);
        }
        return total;
    }

    /** A warmup length: {@code 0 <= warmup < total}. */
    static int warmup(String kind, int warmup, int total) {
        total(kind, total);
        if (warmup < 0 || warmup >= total) {
            throw error(kind, "warmup", "in [0, total) = [0, " + total + ")", warmup);
        }
        return warmup;
    }

    /** A count of steps: at least {@code min}. */
    static int steps(String kind, String key, int value, int min) {
        if (value < min) {
            throw error(kind, key, ">= " + min, value);
        }
        return value;
    }

    /** A fraction in the open interval (0, 1). */
    static double openFraction(String kind, String key, double value) {
        if (!(value > 0 && value < 1)) {
            throw error(kind, key, "in (0, 1)", text(value));
        }
        return value;
    }

    /** A multiplicative decay factor in (0, 1]. */
    static double factor(String kind, String key, double value) {
        if (!(value > 0 && value <= 1)) {
            throw error(kind, key, "in (0, 1]", text(value));
        }
        return value;
    }

    static String text(double value) {
        return Double.isFinite(value) ? Numbers.format(value) : Double.toString(value);
    }

    /**
     * A WSD cooldown start: {@code decay_start} in [warmup, total), or {@code decay} in (0, 1] and
     * leaving the warmup whole (D = total - decay * total >= warmup).
     */
    static CooldownStart cooldownStart(String kind, CooldownStart start, int warmup, int total) {
        if (start == null) {
            throw new SpecException(kind + ": give exactly one of the keys 'decay_start' and 'decay', got none");
        }
        if (start instanceof CooldownStart.AtStep at) {
            if (at.step() < warmup || at.step() >= total) {
                throw error(kind, "decay_start", "in [warmup, total) = [" + warmup + ", " + total + ")", at.step());
            }
        } else if (start instanceof CooldownStart.LastFraction last) {
            double f = last.fraction();
            if (!(f > 0 && f <= 1)) {
                throw error(kind, "decay", "in (0, 1]", text(f));
            }
            if (start.start(total) < warmup) {
                throw error(kind, "decay", "at most 1 - warmup/total = " + text(1 - (double) warmup / total)
                        + " so that the cooldown starts after the warmup", text(f));
            }
        }
        return start;
    }
}
