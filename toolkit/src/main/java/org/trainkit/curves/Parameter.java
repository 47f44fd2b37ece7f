package org.trainkit.curves;

/**
 * One parameter of a law as the optimiser sees it: its name and the map from the unconstrained
 * value the optimiser moves ({@code theta}) to the law's value. Positive parameters are fitted in
 * log space, which keeps them in their domain and evens out scales as different as B ~ 400 and
 * beta ~ 0.5; a parameter in (0, 1) through the logistic function. An exponent also has an upper
 * bound past which the law has degenerated (for example {@code gamma -> infinity} with
 * {@code C -> 0} turns the multi-power law's loss drop into a constant): the optimiser's trial steps
 * out of the domain are rejected without evaluating the law, and a fit ending at or past the bound
 * is reported as out of domain rather than returned.
 */
record Parameter(String name, Domain domain, double upper) {

    /** Where a parameter lives and how it is mapped from the real line. */
    enum Domain {
        REAL, POSITIVE, UNIT_INTERVAL;

        double value(double theta) {
            return switch (this) {
                case REAL -> theta;
                case POSITIVE -> Math.exp(theta);
                case UNIT_INTERVAL -> 1 / (1 + Math.exp(-theta));
            };
        }

        double theta(double value) {
            return switch (this) {
                case REAL -> value;
                case POSITIVE -> Math.log(value);
                case UNIT_INTERVAL -> Math.log(value / (1 - value));
            };
        }

        /** {@code d value / d theta} at the given value. */
        double slope(double value) {
            return switch (this) {
                case REAL -> 1;
                case POSITIVE -> value;
                case UNIT_INTERVAL -> value * (1 - value);
            };
        }

        boolean containsValue(double value) {
            return switch (this) {
                case REAL -> Double.isFinite(value);
                case POSITIVE -> value > 0 && Double.isFinite(value);
                case UNIT_INTERVAL -> value > 0 && value < 1;
            };
        }

        String describe() {
            return switch (this) {
                case REAL -> "a finite number";
                case POSITIVE -> "positive and finite";
                case UNIT_INTERVAL -> "strictly between 0 and 1";
            };
        }
    }

    static Parameter real(String name) {
        return new Parameter(name, Domain.REAL, Double.POSITIVE_INFINITY);
    }

    static Parameter positive(String name) {
        return new Parameter(name, Domain.POSITIVE, Double.POSITIVE_INFINITY);
    }

    /** A positive exponent that makes no sense beyond {@code upper}. */
    static Parameter exponent(String name, double upper) {
        return new Parameter(name, Domain.POSITIVE, upper);
    }

    static Parameter unit(String name) {
        return new Parameter(name, Domain.UNIT_INTERVAL, Double.POSITIVE_INFINITY);
    }

    /** Whether a fitted value is usable: inside the domain and not above the upper bound. */
    boolean contains(double value) {
        return domain.containsValue(value) && value <= upper;
    }

    /**
     * Whether a fitted value sits at the upper bound, within 1% of it: where an optimiser that may not
     * step past the bound stops when the data pull the parameter beyond it (how close it gets depends
     * on its tolerances: a multi-power fit to two smooth Fashion-MNIST runs stopped at beta = 19.93).
     */
    boolean atUpperBound(double value) {
        return Double.isFinite(upper) && value >= upper * (1 - 1e-2);
    }

    /**
     * How far from 1 a positive parameter may end, as a power of ten: past {@code 1e10} or below
     * {@code 1e-10} it has run off towards infinity or zero, where the law has degenerated and the
     * data no longer determine it (a multi-power fit to two smooth Fashion-MNIST runs ended at
     * C = 3.8e36 with gamma = 1e-5, and one to other runs at C = 1e11 with beta = 17).
     */
    static final double RUNAWAY_DECADES = 10;

    /** Whether a fitted positive value has run off towards 0 or infinity (see {@link #RUNAWAY_DECADES}). */
    boolean ranAway(double value) {
        return domain == Domain.POSITIVE && Math.abs(Math.log10(value)) > RUNAWAY_DECADES;
    }

    /** The domain in words, for error messages. */
    String describe() {
        return domain.describe() + (Double.isInfinite(upper) ? "" : ", at most " + upper);
    }
}
