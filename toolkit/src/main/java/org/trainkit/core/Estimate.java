package org.trainkit.core;

import java.util.Locale;

/**
 * A number estimated from a sample, with its confidence interval: a mean over seeds, a paired
 * difference between two methods, a rank correlation. Made by {@link Stats}.
 *
 * @param value the point estimate
 * @param lower the interval's lower end
 * @param upper the interval's upper end
 * @param level the interval's confidence level, e.g. 0.95
 * @param n the sample size the estimate rests on
 */
public record Estimate(double value, double lower, double upper, double level, int n) {

    /** The interval as a value. */
    public Interval interval() {
        return new Interval(lower, upper);
    }

    /** Whether the interval leaves out {@code x}: for a difference, whether it excludes "no difference" at 0. */
    public boolean excludes(double x) {
        return !(x >= lower && x <= upper);
    }

    /** Half the interval's width. */
    public double halfWidth() {
        return (upper - lower) / 2;
    }

    /** "0.3341 [0.3312, 0.3370]" with {@code digits} decimals. */
    public String format(int digits) {
        String f = "%." + digits + "f";
        return String.format(Locale.ROOT, f + " [" + f + ", " + f + "]", value, lower, upper);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.6g [%.6g, %.6g] (%.0f%%, n = %d)", value, lower, upper, 100 * level, n);
    }
}
