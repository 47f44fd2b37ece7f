package org.trainkit.compare;

import java.util.Arrays;
import java.util.Objects;
import org.trainkit.curves.Law;
import org.trainkit.schedules.Schedule;

/**
 * A loss curve predicted by a fitted law (such as the multi-power law of Luo et al., arXiv
 * 2503.12811) for one schedule, at a subset of steps: ready to plot next to the schedule's rates.
 *
 * @param name   the schedule's name
 * @param steps  the steps, strictly increasing
 * @param lr     the schedule's rate at each step
 * @param losses the predicted loss at each step
 */
public record PredictedCurve(String name, int[] steps, double[] lr, double[] losses) {

    public PredictedCurve {
        Objects.requireNonNull(name, "name");
        if (steps.length != lr.length || steps.length != losses.length) {
            throw new IllegalArgumentException("predicted curve '" + name + "': " + steps.length + " steps, "
                    + lr.length + " rates, " + losses.length + " losses");
        }
        steps = steps.clone();
        lr = lr.clone();
        losses = losses.clone();
    }

    /**
     * The law's prediction for {@code schedule} at about {@code points} evenly spaced steps from
     * {@code from} to the last step (both included). The law is evaluated once, in time linear in
     * the schedule's length ({@link Law#predict(double[], int[])}).
     *
     * @param from the first step, {@code >= 1} where the schedule starts at rate 0 (the laws are
     *             undefined while the summed rate is 0)
     */
    public static PredictedCurve of(Law law, String name, Schedule schedule, int from, int points) {
        double[] rates = schedule.toArray();
        int[] steps = evenSteps(from, rates.length - 1, points);
        double[] lr = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            lr[i] = rates[steps[i]];
        }
        return new PredictedCurve(name, steps, lr, law.predict(rates, steps));
    }

    /**
     * About {@code points} evenly spaced whole steps from {@code from} to {@code last}, both included,
     * strictly increasing (fewer when the range is shorter than {@code points}).
     */
    static int[] evenSteps(int from, int last, int points) {
        if (from < 0 || from > last) {
            throw new IllegalArgumentException("steps: first step " + from + " must be in [0, " + last + "]");
        }
        if (points < 2) {
            throw new IllegalArgumentException("steps: at least 2 points, got " + points);
        }
        int[] steps = new int[points];
        int count = 0;
        for (int i = 0; i < points; i++) {
            int step = (int) Math.round(from + (double) (last - from) * i / (points - 1));
            if (count == 0 || step > steps[count - 1]) {
                steps[count++] = step;
            }
        }
        return Arrays.copyOf(steps, count);
    }

    /** The steps as doubles, for plotting. */
    public double[] x() {
        return Arrays.stream(steps).asDoubleStream().toArray();
    }

    /** The predicted loss at the last step of the curve. */
    public double finalLoss() {
        return losses[losses.length - 1];
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public double[] lr() {
        return lr.clone();
    }

    @Override
    public double[] losses() {
        return losses.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PredictedCurve c && name.equals(c.name) && Arrays.equals(steps, c.steps)
                && Arrays.equals(lr, c.lr) && Arrays.equals(losses, c.losses);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(steps), Arrays.hashCode(lr), Arrays.hashCode(losses));
    }

    @Override
    public String toString() {
        return "PredictedCurve[" + name + ", " + steps.length + " points, final loss " + finalLoss() + "]";
    }
}
