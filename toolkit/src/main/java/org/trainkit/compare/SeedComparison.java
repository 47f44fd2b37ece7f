package org.trainkit.compare;

import java.util.Locale;
import java.util.Objects;
import org.trainkit.core.Estimate;
import org.trainkit.core.Stats;

/**
 * Two methods (schedules, strategies) compared on one metric measured over the same seeds, so that
 * a claim from the literature, such as "D2Z beats 10x cosine" (Bergsma et al., arXiv 2502.15938)
 * or "linear decay matches or beats cosine" (Defazio et al., arXiv 2310.07831), can be judged with
 * the seed noise in view.
 *
 * <p>The rule: seed {@code i} of {@code a} is paired with seed {@code i} of {@code b} (the same
 * initial weights and data order), and {@code advantage} is the mean over seeds of how much better
 * {@code a} did than {@code b} (positive when {@code a} is better, whichever direction is better
 * for the metric), with its 95% Student-t interval ({@link Stats#pairedDifference}). A difference
 * is shown only when the interval excludes 0; otherwise the outcome is {@link Outcome#NOT_SHOWN}:
 * the seeds do not tell the two apart, which is not evidence that they are equal.
 *
 * @param a the first method's name
 * @param b the second method's name
 * @param meanA the mean of {@code a}'s values
 * @param meanB the mean of {@code b}'s values
 * @param advantage how much better {@code a} did than {@code b}, per seed, with its 95% interval
 */
public record SeedComparison(String a, String b, double meanA, double meanB, Estimate advantage) {

    /** What the comparison shows. */
    public enum Outcome {
        /** {@code a} is better: the interval of the advantage lies above 0. */
        A_BETTER,
        /** The interval includes 0: no difference is shown. */
        NOT_SHOWN,
        /** {@code b} is better: the interval lies below 0. */
        B_BETTER
    }

    /** Checks the names and the estimate. */
    public SeedComparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(advantage, "advantage");
    }

    /** Compares a metric where lower is better (a loss): {@code a}'s values against {@code b}'s, seed by seed. */
    public static SeedComparison lowerIsBetter(String a, double[] aValues, String b, double[] bValues) {
        check(a, aValues, b, bValues);
        return new SeedComparison(a, b, Stats.mean(aValues), Stats.mean(bValues), Stats.pairedDifference(bValues, aValues));
    }

    /** Compares a metric where higher is better (an accuracy), seed by seed. */
    public static SeedComparison higherIsBetter(String a, double[] aValues, String b, double[] bValues) {
        check(a, aValues, b, bValues);
        return new SeedComparison(a, b, Stats.mean(aValues), Stats.mean(bValues), Stats.pairedDifference(aValues, bValues));
    }

    /** Which method the interval shows better, or that it shows neither. */
    public Outcome outcome() {
        if (advantage.lower() > 0) {
            return Outcome.A_BETTER;
        }
        return advantage.upper() < 0 ? Outcome.B_BETTER : Outcome.NOT_SHOWN;
    }

    /** The outcome in words: "D2Z better", "cosine better", "not shown here". */
    public String outcomeText() {
        return switch (outcome()) {
            case A_BETTER -> a + " better";
            case B_BETTER -> b + " better";
            case NOT_SHOWN -> "not shown here";
        };
    }

    /** One line: both means, the paired advantage with its interval, and the outcome. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %.4f vs %s %.4f: advantage %+.4f [%+.4f, %+.4f] over %d seeds -> %s",
                a, meanA, b, meanB, advantage.value(), advantage.lower(), advantage.upper(), advantage.n(), outcomeText());
    }

    private static void check(String a, double[] aValues, String b, double[] bValues) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (aValues.length != bValues.length) {
            throw new IllegalArgumentException("seed comparison: '" + a + "' has " + aValues.length + " seeds and '" + b
                    + "' " + bValues.length + "; paired seeds need equal counts");
        }
        checkValues(a, aValues);
        checkValues(b, bValues);
    }

    private static void checkValues(String name, double[] values) {
        if (values.length < 2) {
            throw new IllegalArgumentException("seed comparison: '" + name + "' needs at least 2 values (seeds), got "
                    + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("seed comparison: '" + name + "' value " + i + " is " + values[i]);
            }
        }
    }
}
