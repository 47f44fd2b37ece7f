package org.trainkit.train;

import ai.djl.training.tracker.Tracker;
import java.util.Objects;
import org.trainkit.schedules.Schedule;

/**
 * THE adapter from trainkit's {@link Schedule} to DJL: a DJL learning-rate {@link Tracker} that
 * makes any schedule drive an optimizer. Every trainkit component that trains with DJL uses this
 * class and no other route, so that "step t" means the same thing everywhere.
 *
 * <p>DJL optimizers count updates per parameter from 1 and ask the tracker for the rate of update
 * {@code n}; this adapter answers {@code schedule.lr(n - 1)}, so the first optimizer step uses
 * {@code lr(0)} and step {@code t} (0-based, as logged by {@link Trainer}) uses {@code lr(t)}.
 * Asking past the schedule's end, or a rate that is negative or not finite, is an error rather
 * than a silent clamp.
 */
public final class ScheduleTracker implements Tracker {

    private final Schedule schedule;

    /** A tracker following {@code schedule}. */
    public ScheduleTracker(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public float getNewValue(int numUpdate) {
        int step = numUpdate - 1;
        if (step < 0 || step >= schedule.totalSteps()) {
            throw new IllegalStateException("the optimizer asked for the learning rate of step " + step
                    + " but the schedule covers steps 0.." + (schedule.totalSteps() - 1));
        }
        double lr = schedule.lr(step);
        if (!(lr >= 0) || Double.isInfinite(lr)) {
            throw new IllegalStateException("the schedule gave learning rate " + lr + " at step " + step
                    + "; expected a finite value >= 0");
        }
        return (float) lr;
    }
}
