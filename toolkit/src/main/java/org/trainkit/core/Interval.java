package org.trainkit.core;

/**
 * A confidence interval {@code [lower, upper]} for one parameter.
 *
 * @param lower the lower end
 * @param upper the upper end
 */
public record Interval(double lower, double upper) {

    /** Whether {@code value} lies in the interval. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    @Override
    public String toString() {
        return "[" + lower + ", " + upper + "]";
    }
}
