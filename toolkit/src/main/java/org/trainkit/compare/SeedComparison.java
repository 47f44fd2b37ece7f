package org.trainkit.compare;

import java.util.Locale;
import java.util.Objects;
import org.trainkit.core.Stats;

/**
 * Two schedules compared on one metric measured over several seeds (e.g. the final test loss of
 * three training runs each), so that a claim from the literature, such as "D2Z beats 10x cosine"
 * (Bergsma et al., arXiv 2502.15938) or "linear decay matches or beats cosine" (Defazio et al.,
 * arXiv 2310.07831), can be judged with the seed noise in view.
 *
 * <p>The rule: {@code advantage} is how much better {@code a}'s mean is than {@code b}'s (positive
 * when {@code a} is better, whichever direction is better for the metric); the difference counts
 * only when it exceeds {@code threshold = 2 sqrt(sd_a^2 / n_a + sd_b^2 / n_b)}, two standard errors
 * of the difference of the means (sample standard deviations, {@code n - 1}). With three seeds
 * each this is about 1.6 seed standard deviations; anything smaller is a {@link Outcome#TIE}.
 *
 * @param a         the first schedule's name
 * @param b         the second schedule's name
 * @param meanA     the mean of {@code a}'s values
 * @param meanB     the mean of {@code b}'s values
 * @param sdA       the sample standard deviation of {@code a}'s values
 * @param sdB       the sample standard deviation of {@code b}'s values
 * @param advantage how much better {@code a}'s mean is than {@code b}'s, in the metric's units
 * @param threshold the smallest advantage that counts
 */
public record SeedComparison(String a, String b, double meanA, double meanB, double sdA, double sdB, double advantage,
        double threshold) {

    /** What the comparison shows. */
    public enum Outcome {
        /** {@code a} is better by more than the threshold. */
        A_BETTER,
        /** The means differ by no more than the threshold. */
        TIE,
        /** {@code b} is better by more than the threshold. */
        B_BETTER
    }

    /** Compares a metric where lower is better (a loss): {@code a}'s values against {@code b}'s. */
    public static SeedComparison lowerIsBetter(String a, double[] aValues, String b, double[] bValues) {
        return of(a, aValues, b, bValues, -1);
    }

    /** Compares a metric where higher is better (an accuracy). */
    public static SeedComparison higherIsBetter(String a, double[] aValues, String b, double[] bValues) {
        return of(a, aValues, b, bValues, 1);
    }

    private static SeedComparison of(String a, double[] aValues, String b, double[] bValues, int sign) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        check(a, aValues);
        check(b, bValues);
        double meanA = Stats.mean(aValues);
        double meanB = Stats.mean(bValues);
        double sdA = Stats.sd(aValues);
        double sdB = Stats.sd(bValues);
        double threshold = 2 * Math.sqrt(sdA * sdA / aValues.length + sdB * sdB / bValues.length);
        return new SeedComparison(a, b, meanA, meanB, sdA, sdB, sign * (meanA - meanB), threshold);
    }

    /** Which schedule is better, or a tie. */
    public Outcome outcome() {
        if (advantage > threshold) {
            return Outcome.A_BETTER;
        }
        return advantage < -threshold ? Outcome.B_BETTER : Outcome.TIE;
    }

    /** Whether "{@code a} beats {@code b}" holds: better by more than the threshold. */
    public boolean beats() {
        return outcome() == Outcome.A_BETTER;
    }

    /** Whether "{@code a} matches or beats {@code b}" holds: not worse by more than the threshold. */
    public boolean matchesOrBeats() {
        return outcome() != Outcome.B_BETTER;
    }

    /** One line: both means with their spread, the advantage, the threshold and the outcome. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %.4f ± %.4f vs %s %.4f ± %.4f: advantage %+.4f, threshold %.4f -> %s",
                a, meanA, sdA, b, meanB, sdB, advantage, threshold, switch (outcome()) {
                    case A_BETTER -> a + " better";
                    case TIE -> "tie";
                    case B_BETTER -> b + " better";
                });
    }

    private static void check(String name, double[] values) {
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
