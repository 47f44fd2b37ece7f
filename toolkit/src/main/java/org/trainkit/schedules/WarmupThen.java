package org.trainkit.schedules;

import java.util.Objects;

/**
 * A linear warmup put in front of any schedule: for {@code t < steps} the rate rises from 0 as
 * {@code schedule.lr(0) * t / steps}, then {@code schedule} runs from its own step 0, so the total
 * is {@code steps + schedule.totalSteps()}. Hence
 * {@code cosine(peak=p, final=f, warmup=W, total=T)} equals
 * {@code warmup(steps=W, schedule=cosine(peak=p, final=f, warmup=0, total=T-W))} at every step.
 * Warmup as in Goyal et al., "Accurate, Large Minibatch SGD", arXiv 1706.02677.
 *
 * @param steps    warmup steps, {@code >= 1}
 * @param schedule the schedule that follows
 */
public record WarmupThen(int steps, Schedule schedule) implements Schedule {

    static final String NAME = "warmup";

    public WarmupThen {
        Check.steps(NAME, "steps", steps, 1);
        Objects.requireNonNull(schedule, "schedule");
        if ((long) steps + schedule.totalSteps() > Integer.MAX_VALUE) {
            throw Check.error(NAME, "steps", "small enough that steps + the schedule's total fits in an int", steps);
        }
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, totalSteps());
        return step < steps ? schedule.lr(0) * step / steps : schedule.lr(step - steps);
    }

    @Override
    public int totalSteps() {
        return steps + schedule.totalSteps();
    }

    @Override
    public String spec() {
        return new SpecText(NAME).steps("steps", steps).schedule("schedule", schedule).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
