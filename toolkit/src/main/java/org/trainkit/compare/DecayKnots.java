package org.trainkit.compare;

import java.util.ArrayList;
import java.util.List;
import org.trainkit.schedules.Interpolation;
import org.trainkit.schedules.Knot;
import org.trainkit.schedules.Piecewise;
import org.trainkit.schedules.Schedule;

/**
 * The search space of {@link ScheduleOptimizer}: after a linear warmup to a fixed peak, a
 * non-increasing piecewise-linear schedule through {@code K} knots evenly spaced from the end of
 * the warmup to the last step. Knot {@code j} holds {@code v_j = v_{j-1} (1 - x_j)} with
 * {@code v_0 = peak} and {@code x_j} in [0, 1]: every point of the box [0, 1]^K is a valid,
 * non-increasing, non-negative schedule no higher than the peak, and every such schedule through
 * these knots is a point of the box, so a bound-constrained optimiser needs no other constraint.
 */
final class DecayKnots {

    private final double peak;
    private final int warmup;
    private final int total;
    private final int[] positions;

    DecayKnots(double peak, int warmup, int total, int knots) {
        if (!(peak > 0 && Double.isFinite(peak))) {
            throw new IllegalArgumentException("schedule optimizer: peak must be a finite number > 0, got " + peak);
        }
        if (warmup < 0 || warmup >= total) {
            throw new IllegalArgumentException("schedule optimizer: warmup must be in [0, total) = [0, " + total
                    + "), got " + warmup);
        }
        if (knots < 2 || knots > total - 1 - warmup) {
            throw new IllegalArgumentException("schedule optimizer: knots must be in [2, total - 1 - warmup] = [2, "
                    + (total - 1 - warmup) + "], got " + knots);
        }
        this.peak = peak;
        this.warmup = warmup;
        this.total = total;
        this.positions = new int[knots + 1];
        for (int j = 0; j <= knots; j++) {
            positions[j] = warmup + (int) Math.round((double) (total - 1 - warmup) * j / knots);
        }
    }

    /** The number of free values K. */
    int size() {
        return positions.length - 1;
    }

    /** The schedule of the point {@code x} in [0, 1]^K. */
    Piecewise schedule(double[] x) {
        List<Knot> knots = new ArrayList<>(positions.length + 1);
        if (warmup > 0) {
            knots.add(new Knot(0, peak));
        }
        double v = peak;
        knots.add(new Knot(warmup, peak));
        for (int j = 1; j < positions.length; j++) {
            v *= 1 - Math.min(1, Math.max(0, x[j - 1]));
            knots.add(new Knot(positions[j], v));
        }
        return new Piecewise(warmup, total, knots, Interpolation.LINEAR);
    }

    /**
     * The point whose schedule passes through {@code start}'s rates at the knots, made
     * non-increasing (a running minimum) and capped at the peak.
     */
    double[] project(Schedule start) {
        if (start.totalSteps() != total) {
            throw new IllegalArgumentException("schedule optimizer: the start " + start.spec() + " has "
                    + start.totalSteps() + " steps, not " + total);
        }
        double[] x = new double[size()];
        double previous = peak;
        for (int j = 1; j < positions.length; j++) {
            double v = Math.min(previous, start.lr(positions[j]));
            x[j - 1] = previous > 0 ? 1 - v / previous : 0;
            previous = v;
        }
        return x;
    }
}
