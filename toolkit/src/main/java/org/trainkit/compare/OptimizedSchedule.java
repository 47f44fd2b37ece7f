package org.trainkit.compare;

import java.util.Locale;
import java.util.Objects;
import org.trainkit.schedules.Piecewise;
import org.trainkit.schedules.Schedule;

/**
 * The outcome of a {@link ScheduleOptimizer}: the schedule with the lowest predicted final loss
 * found, and how it was found.
 *
 * @param schedule      the optimised schedule (linear warmup, then piecewise-linear through the knots)
 * @param predictedLoss its predicted final loss under the law it was optimised for
 * @param start         the starting schedule whose run gave it
 * @param startLoss     the predicted final loss of that start projected onto the knots
 * @param evaluations   law evaluations used, over all starts
 * @param converged     whether every run stopped on its own tolerance rather than the evaluation budget
 */
public record OptimizedSchedule(Piecewise schedule, double predictedLoss, Schedule start, double startLoss,
        int evaluations, boolean converged) {

    public OptimizedSchedule {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(start, "start");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "OptimizedSchedule[predicted loss %.5f from %.5f (start %s), %d evaluations%s]",
                predictedLoss, startLoss, start.spec(), evaluations, converged ? "" : ", budget exhausted");
    }
}
