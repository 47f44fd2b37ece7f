package org.trainkit.curves;

import java.util.Arrays;

/**
 * The loss and learning-rate series of a training log whose scalars are logged separately, by tag or
 * column (TensorBoard event files, W&B history exports): each series is a list of (step, value)
 * points, collected in file order, and turned into a {@link LossCurve} by {@link #build}.
 *
 * <p>Per-step learning rate: the learning-rate points are interpolated by the rule of
 * {@link LossCurves} (linear from 0 at step 0 to the first point, linear between points); after the
 * last learning-rate point the rate is held at its last value up to the last logged loss (logs
 * often record the rate less often than the loss).
 */
final class ScalarSeries {

    private final String source;
    private final String unit;
    private final Points loss;
    private final Points lr;

    ScalarSeries(String source, String unit) {
        this(source, unit, new Points(), new Points());
    }

    private ScalarSeries(String source, String unit, Points loss, Points lr) {
        this.source = source;
        this.unit = unit;
        this.loss = loss;
        this.lr = lr;
    }

    /** The same series continued in another file of the same run (messages name that file). */
    ScalarSeries continuedIn(String nextSource) {
        return new ScalarSeries(nextSource, unit, loss, lr);
    }

    CurveFormatException error(long where, String problem) {
        return new CurveFormatException(source, unit, where, problem);
    }

    /** Adds a loss point found at {@code where} (line or byte offset); checks step order and value. */
    void addLoss(long where, String tag, long step, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw error(where, tag + " " + value + " at step " + step + " is not a positive finite number");
        }
        loss.add(this, where, tag, step, value);
    }

    /** Adds a learning-rate point found at {@code where}. */
    void addLr(long where, String tag, long step, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw error(where, tag + " " + value + " at step " + step + " is not a finite number >= 0");
        }
        lr.add(this, where, tag, step, value);
    }

    /**
     * The curve; {@code lossName} and {@code lrName} name the series in messages.
     *
     * @throws CurveFormatException if there is no loss point or no learning-rate point
     */
    LossCurve build(String name, long endWhere, String lossName, String lrName) {
        if (loss.size == 0) {
            throw error(endWhere, "no " + lossName + " values (check the tag or column name)");
        }
        if (lr.size == 0) {
            throw error(endWhere, "no " + lrName + " values (check the tag or column name, or give the exact"
                    + " schedule instead)");
        }
        int total = (int) Math.max(loss.steps[loss.size - 1], lr.steps[lr.size - 1]) + 1;
        double[] perStep = new double[total];
        int first = (int) lr.steps[0];
        for (int t = 0; t < first; t++) {
            perStep[t] = lr.values[0] * t / first;
        }
        perStep[first] = lr.values[0];
        for (int i = 0; i + 1 < lr.size; i++) {
            int from = (int) lr.steps[i];
            int to = (int) lr.steps[i + 1];
            double a = lr.values[i];
            double b = lr.values[i + 1];
            for (int t = from + 1; t < to; t++) {
                perStep[t] = a == b ? a : (a * (to - t) + b * (t - from)) / (to - from);
            }
            perStep[to] = b;
        }
        for (int t = (int) lr.steps[lr.size - 1] + 1; t < total; t++) {
            perStep[t] = lr.values[lr.size - 1];
        }
        int[] steps = new int[loss.size];
        for (int i = 0; i < loss.size; i++) {
            steps[i] = (int) loss.steps[i];
        }
        return LossCurve.of(name, steps, Arrays.copyOf(loss.values, loss.size), perStep);
    }

    /** One series, growing. */
    private static final class Points {
        long[] steps = new long[256];
        double[] values = new double[256];
        long[] where = new long[256];
        int size;

        void add(ScalarSeries series, long at, String tag, long step, double value) {
            if (step < 0 || step > CurveAssembler.MAX_STEP) {
                throw series.error(at, tag + " step " + step + " is outside 0 .. " + CurveAssembler.MAX_STEP);
            }
            if (size > 0 && step <= steps[size - 1]) {
                throw series.error(at, tag + " step " + step + " does not increase (" + series.unit + " "
                        + where[size - 1] + " has step " + steps[size - 1] + ")");
            }
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                values = Arrays.copyOf(values, size * 2);
                where = Arrays.copyOf(where, size * 2);
            }
            steps[size] = step;
            values[size] = value;
            where[size] = at;
            size++;
        }
    }
}
