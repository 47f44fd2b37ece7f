package org.trainkit.schedules;

import java.util.Arrays;
import java.util.Objects;

/**
 * The refined schedule computed from the gradient norms of an earlier run (Defazio et al., "When,
 * Why and How Much? Adaptive Learning Rate Scheduling by Refinement", arXiv 2310.07831). The norms
 * g are median-filtered first (a centred window of {@code median} steps, shortened at the ends),
 * then {@code w_t = g_t^-2 * (sum_{p>t} g_p^-2) / (sum_p g_p^-2)}, so {@code w_T = 0}; w is scaled
 * to a maximum of 1 and multiplied by {@code peak}. With constant g this is exactly linear decay
 * from {@code peak} at step 0 to 0 at the last step. An optional linear warmup from 0 replaces the
 * first {@code warmup} steps, rising to the refined rate at step {@code warmup}. The schedule has
 * one step per norm.
 * Text form: {@code refined(peak=1e-3, warmup=0, median=5, norms=[1.2, 1.1, 0.9, ...])}.
 */
public final class Refined implements Schedule {

    static final String NAME = "refined";

    private final double peak;
    private final int warmup;
    private final int median;
    private final double[] norms;
    private final double[] rates;

    /**
     * The refined schedule for these gradient norms.
     *
     * @param peak          the largest rate, {@code > 0}
     * @param warmup        warmup steps, {@code 0 <= warmup < norms.length}
     * @param median        the median filter's window, an odd number {@code >= 1} (1 = no filtering)
     * @param gradientNorms one positive gradient norm per step, at least two
     */
    public Refined(double peak, int warmup, int median, double[] gradientNorms) {
        Objects.requireNonNull(gradientNorms, "gradientNorms");
        this.peak = Check.positive(NAME, "peak", peak);
        if (gradientNorms.length < 2) {
            throw Check.error(NAME, "norms", "a list of at least 2 gradient norms", gradientNorms.length + " norms");
        }
        this.warmup = Check.warmup(NAME, warmup, gradientNorms.length);
        if (median < 1 || median % 2 == 0) {
            throw Check.error(NAME, "median", "an odd number >= 1", median);
        }
        this.median = median;
        for (int t = 0; t < gradientNorms.length; t++) {
            if (!Double.isFinite(gradientNorms[t]) || gradientNorms[t] <= 0) {
                throw Check.error(NAME, "norms", "a list of finite norms > 0",
                        Check.text(gradientNorms[t]) + " at index " + t);
            }
        }
        this.norms = gradientNorms.clone();
        double[] w = weights(norms, median);
        this.rates = new double[w.length];
        for (int t = 0; t < w.length; t++) {
            rates[t] = peak * w[t];
        }
        for (int t = 0; t < warmup; t++) {
            rates[t] = peak * w[warmup] * t / warmup;
        }
    }

    /**
     * The refinement weights for these gradient norms, scaled to a maximum of 1: median filter, then
     * {@code w_t = g_t^-2 * sum_{p>t} g_p^-2 / sum_p g_p^-2} (arXiv 2310.07831).
     */
    public static double[] weights(double[] gradientNorms, int medianWindow) {
        double[] g = medianFilter(gradientNorms, medianWindow);
        int n = g.length;
        double[] inverseSquares = new double[n];
        for (int t = 0; t < n; t++) {
            inverseSquares[t] = 1 / (g[t] * g[t]);
        }
        double[] after = new double[n];
        for (int t = n - 2; t >= 0; t--) {
            after[t] = after[t + 1] + inverseSquares[t + 1];
        }
        double all = after[0] + inverseSquares[0];
        double[] w = new double[n];
        double max = 0;
        for (int t = 0; t < n; t++) {
            w[t] = inverseSquares[t] * after[t] / all;
            max = Math.max(max, w[t]);
        }
        for (int t = 0; t < n; t++) {
            w[t] /= max;
        }
        return w;
    }

    /**
     * A centred running median over {@code window} values, shortened at the ends (an even count
     * takes the mean of the two middle values). Written here because the toolkit's Hipparchus
     * modules (core, optim) have no median; sorting a copy of each window is enough for the
     * window sizes and run lengths of a schedule.
     */
    static double[] medianFilter(double[] values, int window) {
        int half = window / 2;
        double[] filtered = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            double[] w = Arrays.copyOfRange(values, Math.max(0, t - half), Math.min(values.length, t + half + 1));
            Arrays.sort(w);
            int mid = w.length / 2;
            filtered[t] = w.length % 2 == 1 ? w[mid] : (w[mid - 1] + w[mid]) / 2;
        }
        return filtered;
    }

    /** The largest rate. */
    public double peak() {
        return peak;
    }

    /** Warmup steps. */
    public int warmup() {
        return warmup;
    }

    /** The median filter's window. */
    public int median() {
        return median;
    }

    /** The gradient norms after the median filter, as the refinement uses them. */
    public double[] filteredNorms() {
        return medianFilter(norms, median);
    }

    /** The gradient norms the schedule was refined from (a copy). */
    public double[] gradientNorms() {
        return norms.clone();
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, rates.length);
        return rates[step];
    }

    @Override
    public int totalSteps() {
        return rates.length;
    }

    @Override
    public double[] toArray() {
        return rates.clone();
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).steps("warmup", warmup).steps("median", median)
                .numbers("norms", norms).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Refined r && Double.compare(peak, r.peak) == 0 && warmup == r.warmup
                && median == r.median && Arrays.equals(norms, r.norms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(peak, warmup, median, Arrays.hashCode(norms));
    }

    @Override
    public String toString() {
        return spec();
    }
}
