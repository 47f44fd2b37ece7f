package org.trainkit.curves;

import java.util.Arrays;
import java.util.Objects;
import org.trainkit.schedules.Schedule;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * One training run's loss curve: the loss logged at some optimizer steps, and the learning rate of
 * every step {@code 0 .. totalSteps()-1} (the per-step learning rate is what the laws need: the
 * forward area {@code S1} and the learning-rate drops are sums over every step, not only the logged
 * ones). An immutable value; the arrays returned are copies.
 *
 * <p>Curves come from files ({@link LossCurves}), from a Tablesaw table, or from arrays and a
 * {@link Schedule} ({@link #of(String, int[], double[], Schedule)}).
 */
public final class LossCurve {

    private final String name;
    final int[] steps;
    final double[] losses;
    final double[] lr;

    private LossCurve(String name, int[] steps, double[] losses, double[] lr) {
        this.name = name;
        this.steps = steps;
        this.losses = losses;
        this.lr = lr;
    }

    /**
     * A curve from its logged points and the learning rate of every step.
     *
     * @param name a name for tables and error messages
     * @param steps logged optimizer steps, strictly increasing, each in {@code [0, learningRates.length)}
     * @param losses the loss at each logged step, positive and finite
     * @param learningRates the learning rate of every step {@code 0 .. T-1}, finite and non-negative
     * @throws IllegalArgumentException if any of these does not hold
     */
    public static LossCurve of(String name, int[] steps, double[] losses, double[] learningRates) {
        Objects.requireNonNull(name, "name");
        if (steps.length != losses.length) {
            throw new IllegalArgumentException(name + ": " + steps.length + " steps but " + losses.length + " losses");
        }
        double[] rates = learningRates.clone();
        for (int t = 0; t < rates.length; t++) {
            if (!Double.isFinite(rates[t]) || rates[t] < 0) {
                throw new IllegalArgumentException(name + ": learning rate " + rates[t] + " at step " + t
                        + " is not a finite non-negative number");
            }
        }
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 0 || steps[i] >= rates.length) {
                throw new IllegalArgumentException(name + ": logged step " + steps[i] + " is outside the "
                        + rates.length + " steps that have a learning rate");
            }
            if (i > 0 && steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException(name + ": step " + steps[i] + " does not increase (previous "
                        + steps[i - 1] + ")");
            }
            if (!(losses[i] > 0) || !Double.isFinite(losses[i])) {
                throw new IllegalArgumentException(name + ": loss " + losses[i] + " at step " + steps[i]
                        + " is not a positive finite number");
            }
        }
        return new LossCurve(name, steps.clone(), losses.clone(), rates);
    }

    /**
     * A curve whose per-step learning rate comes from a schedule. Logged steps at or beyond
     * {@code schedule.totalSteps()} are dropped: the schedule does not say what the learning rate
     * was there (this is also how the multi-power-law paper evaluates its curves).
     */
    public static LossCurve of(String name, int[] steps, double[] losses, Schedule schedule) {
        int total = schedule.totalSteps();
        int kept = 0;
        while (kept < steps.length && steps[kept] < total) {
            kept++;
        }
        return of(name, Arrays.copyOf(steps, kept), Arrays.copyOf(losses, kept), schedule.toArray());
    }

    /** This curve's logged losses with the per-step learning rate taken from {@code schedule} instead. */
    public LossCurve withSchedule(Schedule schedule) {
        return of(name, steps, losses, schedule);
    }

    /** This curve's logged losses with the given per-step learning rates instead. */
    public LossCurve withLearningRates(double[] learningRates) {
        return of(name, steps, losses, learningRates);
    }

    /**
     * The logged points at or after {@code firstStep} (the learning rates are kept for every step).
     * Useful to leave out the warmup phase, or step 0 where no law is defined.
     */
    public LossCurve from(int firstStep) {
        int first = 0;
        while (first < steps.length && steps[first] < firstStep) {
            first++;
        }
        return new LossCurve(name, Arrays.copyOfRange(steps, first, steps.length),
                Arrays.copyOfRange(losses, first, losses.length), lr);
    }

    /**
     * The run as it was logged before step {@code step}: the points at earlier steps and the learning
     * rates of steps {@code 0 .. step - 1}, as a run still in progress would show it (for
     * {@link CooldownPlanner}, or to test a prediction from the first part of a finished run).
     *
     * @throws IllegalArgumentException if {@code step} is not between 1 and the curve's step count,
     *     or no point is logged before it
     */
    public LossCurve before(int step) {
        if (step < 1 || step > lr.length) {
            throw new IllegalArgumentException(name + ": step " + step + " must be between 1 and the curve's "
                    + lr.length + " steps");
        }
        int end = 0;
        while (end < steps.length && steps[end] < step) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException(name + ": no loss is logged before step " + step + " (the first is at step "
                    + steps[0] + ")");
        }
        return new LossCurve(name, Arrays.copyOf(steps, end), Arrays.copyOf(losses, end), Arrays.copyOf(lr, step));
    }

    /**
     * The curve with its losses averaged over consecutive windows of {@code window} logged points,
     * each mean logged at its window's middle point (the lower of the two middle points for an even
     * window); an incomplete last window is left out. Meant for per-step training logs, whose batch
     * losses are noisy: {@code windowMeans(50)} turns a 2,000-step log into 40 points. The per-step
     * learning rates are kept.
     *
     * @throws IllegalArgumentException if {@code window} is below 1 or above the number of points
     */
    public LossCurve windowMeans(int window) {
        if (window < 1 || window > steps.length) {
            throw new IllegalArgumentException(name + ": window " + window + " must be between 1 and the "
                    + steps.length + " logged points");
        }
        int count = steps.length / window;
        int[] middles = new int[count];
        double[] means = new double[count];
        for (int w = 0; w < count; w++) {
            int first = w * window;
            double sum = 0;
            for (int i = first; i < first + window; i++) {
                sum += losses[i];
            }
            middles[w] = steps[first + (window - 1) / 2];
            means[w] = sum / window;
        }
        return new LossCurve(name, middles, means, lr);
    }

    /** The same curve under another name. */
    public LossCurve withName(String newName) {
        return new LossCurve(Objects.requireNonNull(newName, "name"), steps, losses, lr);
    }

    /** The name given when reading (the file name without its extension, or the table name). */
    public String name() {
        return name;
    }

    /** The number of logged points. */
    public int size() {
        return steps.length;
    }

    /** The number of optimizer steps with a known learning rate, {@code T}. */
    public int totalSteps() {
        return lr.length;
    }

    /** The logged optimizer steps (a copy). */
    public int[] steps() {
        return steps.clone();
    }

    /** The logged losses (a copy). */
    public double[] losses() {
        return losses.clone();
    }

    /** The learning rate of every step {@code 0 .. T-1} (a copy). */
    public double[] learningRates() {
        return lr.clone();
    }

    /** The last logged loss. */
    public double finalLoss() {
        return losses[losses.length - 1];
    }

    /** The logged points as a Tablesaw table with columns {@code step}, {@code lr}, {@code loss}. */
    public Table toTable() {
        double[] rates = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            rates[i] = lr[steps[i]];
        }
        return Table.create(name, IntColumn.create("step", steps), DoubleColumn.create("lr", rates),
                DoubleColumn.create("loss", losses));
    }

    @Override
    public String toString() {
        return "LossCurve[" + name + ": " + steps.length + " points, " + lr.length + " steps]";
    }
}
