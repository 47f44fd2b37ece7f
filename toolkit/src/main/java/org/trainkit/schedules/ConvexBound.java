package org.trainkit.schedules;

import java.util.Arrays;

/**
 * The last-iterate bound of convex, non-smooth SGD for any schedule (Schaipp et al., "The
 * Surprising Agreement Between Convex Optimization Theory and Learning-Rate Scheduling for Large
 * Model Training", ICML 2025, arXiv 2501.18965), with {@code eta_1..eta_T = lr[0..T-1]}:
 * <pre>
 * B(T) = D^2 / (2 S) + sum_t eta_t^2 G_t^2 / (2 S)
 *        + 1/2 sum_{k=1..T-1} [eta_k / sum_{t=k+1..T} eta_t] [sum_{t=k..T} eta_t^2 G_t^2 / sum_{t=k..T} eta_t]
 * </pre>
 * where {@code S = sum_t eta_t}, {@code D} bounds the distance from the start to a minimiser and
 * {@code G_t} the gradient norms. Defaults: {@code D = 1} and {@code G_t = G = 1} at every step
 * unless per-step norms are given (the bound is then a shape to compare schedules by; loss is
 * modelled as {@code c + m * B}). Only the ratio {@code D / G} matters for a ranking; with unit
 * values and rates far below the bound's own optimum (3e-4 against about {@code 1 / sqrt(T)}), the
 * first term dominates and the bound just prefers the schedule with the largest area, so
 * {@link #tunedFor(Schedule)} picks D such that a reference schedule's rates are the bound-optimal
 * ones, as if its peak had been tuned. Evaluated in O(T) with suffix sums. Steps with rate 0 at the end
 * of a schedule leave the last iterate unchanged and are dropped (otherwise the bracket divides by
 * a zero sum).
 *
 * @param d the distance bound D, {@code > 0}
 * @param g the constant gradient-norm bound G, {@code > 0}
 */
public record ConvexBound(double d, double g) {

    /** D = 1, G = 1. */
    public static final ConvexBound UNIT = new ConvexBound(1, 1);

    public ConvexBound {
        if (!(d > 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("convex bound: D must be a finite number > 0, got " + d);
        }
        if (!(g > 0) || Double.isInfinite(g)) {
            throw new IllegalArgumentException("convex bound: G must be a finite number > 0, got " + g);
        }
    }

    /**
     * The bound with {@code G = 1} and the D at which {@code reference} is tuned: among the scaled
     * schedules {@code a * reference}, the bound is lowest at {@code a = 1}. Every term but the first
     * grows linearly in {@code a} (its rate ratios do not change), so
     * {@code B(a) = D^2 / (2 a S) + a Q} with {@code S} the reference's area and {@code Q} the sum of
     * the other terms at {@code a = 1}; its minimum is at {@code a = D / sqrt(2 S Q)}, hence
     * {@code D = sqrt(2 S Q)}. Schaipp et al. likewise compare schedules each at its tuned base rate;
     * tuning one reference instead compares schedules that share its peak.
     */
    public static ConvexBound tunedFor(Schedule reference) {
        double[] lr = reference.toArray();
        double[] unit = new double[lr.length];
        Arrays.fill(unit, 1);
        return tuned(reference.spec(), lr, unit);
    }

    /**
     * As {@link #tunedFor(Schedule)}, with the gradient norms {@code G_t} measured in a run of
     * {@code reference} (one per step, e.g. the {@code grad_norm} column of a training log) in place
     * of a constant G: the D at which the scaled schedules {@code a * reference} have their lowest
     * bound at {@code a = 1}, holding the norms fixed. Use {@link #of(Schedule, double[])} with it.
     */
    public static ConvexBound tunedFor(Schedule reference, double[] gradientNorms) {
        return tuned(reference.spec(), reference.toArray(), gradientNorms);
    }

    private static ConvexBound tuned(String spec, double[] lr, double[] norms) {
        double area = 0;
        for (double rate : lr) {
            area += rate;
        }
        double noise = UNIT.of(lr, norms) - 1 / (2 * area);
        if (!(noise > 0)) {
            throw new IllegalArgumentException("convex bound: cannot tune D for " + spec
                    + ": its noise terms sum to " + noise);
        }
        return new ConvexBound(Math.sqrt(2 * area * noise), 1);
    }

    /** The bound for the whole schedule with the constant G. */
    public double of(Schedule schedule) {
        return of(schedule.toArray());
    }

    /**
     * The bound for the whole schedule with per-step gradient norms {@code G_t}, one per step of the
     * schedule (G is not used): the measured form of the bound, e.g. with the {@code grad_norm}
     * column a training run logs.
     */
    public double of(Schedule schedule, double[] gradientNorms) {
        return of(schedule.toArray(), gradientNorms);
    }

    /** The bound for these per-step rates with the constant G. */
    public double of(double[] lr) {
        double[] norms = new double[lr.length];
        Arrays.fill(norms, g);
        return of(lr, norms);
    }

    /** The bound for these per-step rates with per-step gradient norms {@code G_t} (G is not used). */
    public double of(double[] lr, double[] gradientNorms) {
        if (gradientNorms.length != lr.length) {
            throw new IllegalArgumentException("convex bound: " + lr.length + " rates but " + gradientNorms.length
                    + " gradient norms");
        }
        int n = lr.length;
        for (int t = 0; t < lr.length; t++) {
            if (!Double.isFinite(lr[t]) || lr[t] < 0) {
                throw new IllegalArgumentException("convex bound: rate at step " + t + " must be finite and >= 0, got "
                        + lr[t]);
            }
            if (!Double.isFinite(gradientNorms[t]) || gradientNorms[t] < 0) {
                throw new IllegalArgumentException("convex bound: gradient norm at step " + t
                        + " must be finite and >= 0, got " + gradientNorms[t]);
            }
        }
        while (n > 0 && lr[n - 1] == 0) {
            n--;
        }
        if (n == 0) {
            throw new IllegalArgumentException("convex bound: the schedule has no positive rate");
        }
        double[] rateSum = new double[n + 1];
        double[] noiseSum = new double[n + 1];
        for (int t = n - 1; t >= 0; t--) {
            rateSum[t] = rateSum[t + 1] + lr[t];
            noiseSum[t] = noiseSum[t + 1] + lr[t] * lr[t] * gradientNorms[t] * gradientNorms[t];
        }
        double bound = (d * d + noiseSum[0]) / (2 * rateSum[0]);
        double tail = 0;
        for (int k = 0; k < n - 1; k++) {
            tail += lr[k] / rateSum[k + 1] * (noiseSum[k] / rateSum[k]);
        }
        return bound + tail / 2;
    }
}
