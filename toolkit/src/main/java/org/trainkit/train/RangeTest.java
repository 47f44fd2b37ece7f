package org.trainkit.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.trainkit.core.Stats;
import org.trainkit.data.TrainValidation;
import org.trainkit.schedules.Schedules;

/**
 * The learning-rate range test (Smith, "Cyclical Learning Rates for Training Neural Networks",
 * WACV 2017, arXiv 1506.01186): one short run whose rate grows exponentially from {@code from} to
 * {@code to}; the rate at which the training loss, smoothed by an exponential moving average
 * ({@link Stats#ema}, weight 0.1 on the newest step), is lowest marks where training stops
 * improving. It reads only training losses: the run trains on the split's training part and its
 * closing evaluation is on the validation part, so the test set plays no part.
 *
 * <pre>{@code
 * RangeTestResult r = RangeTest.on(split, t -> t.model(Models.mlp(256)).optimizer(Optimizers.sgd()))
 *         .rates(1e-4, 10).steps(400).seed(100).run();
 * r.roundedRate();   // the lowest smoothed loss's rate to one significant digit
 * }</pre>
 */
public final class RangeTest {

    /** The EMA weight on the newest step. */
    public static final double SMOOTHING = 0.1;

    private final TrainValidation split;
    private final UnaryOperator<Trainer> settings;
    private final double from;
    private final double to;
    private final int steps;
    private final long seed;

    private RangeTest(TrainValidation split, UnaryOperator<Trainer> settings, double from, double to, int steps, long seed) {
        this.split = split;
        this.settings = settings;
        this.from = from;
        this.to = to;
        this.steps = steps;
        this.seed = seed;
    }

    /** A range test on {@code split}'s training part with the trainer settings {@code settings} applies. Defaults: 1e-4 to 10, 400 steps, seed 100. */
    public static RangeTest on(TrainValidation split, UnaryOperator<Trainer> settings) {
        return new RangeTest(Objects.requireNonNull(split, "split"), Objects.requireNonNull(settings, "settings"), 1e-4, 10,
                400, 100);
    }

    /** The first and the last rate, {@code 0 < from < to}. */
    public RangeTest rates(double from, double to) {
        if (!(from > 0 && to > from && Double.isFinite(to))) {
            throw new IllegalArgumentException("range test: expected rates 0 < from < to, got " + from + " and " + to);
        }
        return new RangeTest(split, settings, from, to, steps, seed);
    }

    /** The run's length, at least 2 steps. */
    public RangeTest steps(int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("range test: expected at least 2 steps, got " + steps);
        }
        return new RangeTest(split, settings, from, to, steps, seed);
    }

    /** The run's seed. */
    public RangeTest seed(long seed) {
        return new RangeTest(split, settings, from, to, steps, seed);
    }

    /** Trains once and finds the rate of the lowest smoothed loss. */
    public RangeTestResult run() {
        double[] rates = IntStream.range(0, steps).mapToDouble(t -> from * Math.pow(to / from, t / (steps - 1.0))).toArray();
        TrainingResult r = settings.apply(Trainer.on(split.train(), split.validation())).schedule(Schedules.of(rates))
                .steps(steps).seed(seed).progress(false).name("range-test-seed" + seed).train();
        double[] losses = r.log().doubleColumn("loss").asDoubleArray();
        return new RangeTestResult(rates, losses, Stats.ema(losses, SMOOTHING));
    }

    /**
     * What a range test measured.
     *
     * @param rates the rate of each step
     * @param losses the batch loss of each step
     * @param smoothed the EMA of the losses
     */
    public record RangeTestResult(double[] rates, double[] losses, double[] smoothed) {

        /** Copies the arrays. */
        public RangeTestResult {
            rates = rates.clone();
            losses = losses.clone();
            smoothed = smoothed.clone();
        }

        /** The step of the lowest finite smoothed loss (the first if tied). */
        public int bestStep() {
            int best = -1;
            for (int t = 0; t < smoothed.length; t++) {
                if (Double.isFinite(smoothed[t]) && (best < 0 || smoothed[t] < smoothed[best])) {
                    best = t;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("range test: no finite loss at any step");
            }
            return best;
        }

        /** The rate at the lowest smoothed loss. */
        public double bestRate() {
            return rates[bestStep()];
        }

        /** {@link #bestRate()} rounded to one significant digit. */
        public double roundedRate() {
            return new BigDecimal(bestRate()).round(new MathContext(1)).doubleValue();
        }

        @Override
        public double[] rates() {
            return rates.clone();
        }

        @Override
        public double[] losses() {
            return losses.clone();
        }

        @Override
        public double[] smoothed() {
            return smoothed.clone();
        }
    }
}
