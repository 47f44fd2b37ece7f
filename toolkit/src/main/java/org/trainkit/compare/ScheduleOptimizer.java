package org.trainkit.compare;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.trainkit.curves.Law;
import org.trainkit.schedules.Cooldown;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.Schedules;

/**
 * Finds a learning-rate schedule that a fitted law (the multi-power law, MPL) predicts to reach a
 * low final loss, as Luo et al. do with the MPL (ICLR 2025, arXiv 2503.12811, section on optimal
 * schedules), whose optimised schedules look like WSD and beat cosine.
 *
 * <p><b>Search space.</b> The warmup (linear from 0) and the peak are fixed: the law was fitted at
 * one peak and says little about others. After the warmup the schedule is non-increasing and
 * piecewise linear through {@code K} knots evenly spaced to the last step (default
 * {@value #DEFAULT_KNOTS}); knot {@code j} keeps the fraction {@code 1 - x_j} of the previous knot's
 * rate, {@code x_j} in [0, 1], so every point of the box is a valid schedule (see the
 * {@code DecayKnots} class) and the rates stay in [0, peak].
 *
 * <p><b>Optimiser.</b> Powell's BOBYQA (Hipparchus {@link BOBYQAOptimizer}, 2K + 1 interpolation
 * points, trust region from 0.1 down to 1e-6): bound constraints are exactly what the
 * parametrisation needs, it needs no gradient (the law offers predictions, not derivatives in the
 * rates; a numerical gradient would cost K + 1 law evaluations per step), and it is deterministic.
 * Each evaluation is one linear-time {@link Law#finalLoss}. BOBYQA is local, so it runs from each
 * start (default: D2Z and a WSD with a 20% 1-sqrt cooldown to 0, at the same peak, warmup and
 * length), projected onto the knots, and the best result is kept; it never ends above its start.
 *
 * <pre>{@code
 * OptimizedSchedule best = ScheduleOptimizer.under(law).knots(32).run(3e-4, 2160, 24000);
 * }</pre>
 */
public final class ScheduleOptimizer {

    /** The default number of free knots. */
    public static final int DEFAULT_KNOTS = 32;
    /** The default budget of law evaluations per start. */
    public static final int DEFAULT_MAX_EVALUATIONS = 20_000;

    private static final double INITIAL_RADIUS = 0.1;
    private static final double STOPPING_RADIUS = 1e-6;

    private final Law law;
    private final int knots;
    private final int maxEvaluations;
    private final List<Schedule> starts;

    private ScheduleOptimizer(Law law, int knots, int maxEvaluations, List<Schedule> starts) {
        this.law = law;
        this.knots = knots;
        this.maxEvaluations = maxEvaluations;
        this.starts = starts;
    }

    /** An optimiser of schedules under this fitted law. */
    public static ScheduleOptimizer under(Law law) {
        return new ScheduleOptimizer(Objects.requireNonNull(law, "law"), DEFAULT_KNOTS, DEFAULT_MAX_EVALUATIONS,
                List.of());
    }

    /** The number of free knots after the warmup, at least 2. */
    public ScheduleOptimizer knots(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("schedule optimizer: knots must be >= 2, got " + count);
        }
        return new ScheduleOptimizer(law, count, maxEvaluations, starts);
    }

    /** The budget of law evaluations per start (at least 4K + 2 for BOBYQA's model). */
    public ScheduleOptimizer maxEvaluations(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("schedule optimizer: max evaluations must be >= 1, got " + count);
        }
        return new ScheduleOptimizer(law, knots, count, starts);
    }

    /** The schedules to start from instead of the defaults; each must have the run's length. */
    public ScheduleOptimizer startingFrom(Schedule... schedules) {
        if (schedules.length == 0) {
            throw new IllegalArgumentException("schedule optimizer: name at least one start");
        }
        return new ScheduleOptimizer(law, knots, maxEvaluations, List.of(schedules));
    }

    /** The best schedule found with this peak, warmup and length. */
    public OptimizedSchedule run(double peak, int warmup, int total) {
        DecayKnots space = new DecayKnots(peak, warmup, total, knots);
        List<Schedule> from = starts.isEmpty() ? List.of(Schedules.d2z(peak, warmup, total),
                Schedules.wsd().peak(peak).warmup(warmup).total(total).decay(0.2).shape(Cooldown.SQRT).build())
                : starts;
        int k = space.size();
        double[] lower = new double[k];
        double[] upper = new double[k];
        Arrays.fill(upper, 1);
        Tracker best = null;
        Schedule bestStart = null;
        double bestStartLoss = Double.NaN;
        int evaluations = 0;
        boolean converged = true;
        for (Schedule start : from) {
            double[] x0 = space.project(start);
            Tracker tracker = new Tracker(space);
            double startLoss = tracker.value(x0);
            try {
                new BOBYQAOptimizer(2 * k + 1, INITIAL_RADIUS, STOPPING_RADIUS).optimize(new MaxEval(maxEvaluations),
                        new ObjectiveFunction(tracker::value), GoalType.MINIMIZE, new InitialGuess(x0),
                        new SimpleBounds(lower, upper));
            } catch (MathIllegalStateException budgetExhausted) {
                converged = false;
            }
            evaluations += tracker.evaluations;
            if (best == null || tracker.bestLoss < best.bestLoss) {
                best = tracker;
                bestStart = start;
                bestStartLoss = startLoss;
            }
        }
        return new OptimizedSchedule(space.schedule(best.bestPoint), best.bestLoss, bestStart, bestStartLoss,
                evaluations, converged);
    }

    /** The objective, remembering the best point seen (so an exhausted budget still has an answer). */
    private final class Tracker {
        private final DecayKnots space;
        private double[] bestPoint;
        private double bestLoss = Double.POSITIVE_INFINITY;
        private int evaluations;

        Tracker(DecayKnots space) {
            this.space = space;
        }

        double value(double[] x) {
            evaluations++;
            double loss = law.finalLoss(space.schedule(x));
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("schedule optimizer: the " + law.name() + " law predicts " + loss
                        + " for " + space.schedule(x).spec());
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                bestPoint = x.clone();
            }
            return loss;
        }
    }
}
