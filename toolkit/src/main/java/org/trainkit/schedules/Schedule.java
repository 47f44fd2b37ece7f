package org.trainkit.schedules;

/**
 * A learning-rate schedule: the learning rate at each optimizer step {@code 0 <= t < totalSteps()}.
 * Implementations are immutable values. The conventions (linear warmup from 0, decay progress
 * measured over a phase) follow the literature collected in REFERENCES.md, section 2.
 */
public interface Schedule {

    /** The learning rate at optimizer step {@code step}, for {@code 0 <= step < totalSteps()}. */
    double lr(int step);

    /** The number of optimizer steps the schedule covers. */
    int totalSteps();

    /** The learning rate at every step, {@code lr(0) .. lr(totalSteps() - 1)}. */
    default double[] toArray() {
        double[] rates = new double[totalSteps()];
        for (int t = 0; t < rates.length; t++) {
            rates[t] = lr(t);
        }
        return rates;
    }

    /**
     * The canonical text form, which {@link Schedules#parse(String)} reads back to an equal
     * schedule, e.g. {@code cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)}. The schedules
     * of this package print their own form; any other schedule is written as the piecewise-constant
     * schedule with the same rate at every step ({@link Piecewise#of(double[])}).
     */
    default String spec() {
        return Piecewise.of(toArray()).spec();
    }
}
