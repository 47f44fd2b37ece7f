package org.trainkit.core;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.hipparchus.stat.descriptive.moment.Mean;
import org.hipparchus.stat.descriptive.moment.StandardDeviation;

/**
 * The one place trainkit computes statistics, so that notebooks, tables and verdicts agree: means
 * and sample standard deviations, Student-t confidence intervals of a mean and of a paired
 * difference (the verdict rule for "method A beats B over seeds": the interval of the paired
 * differences excludes 0), quantiles, Spearman rank correlations with a bootstrap interval, and the
 * exponential moving average used to smooth per-step losses. Moments, the t distribution and the
 * rank correlation come from Hipparchus.
 */
public final class Stats {

    /** The confidence level used throughout unless another is asked for. */
    public static final double LEVEL = 0.95;

    private Stats() {
    }

    /** The arithmetic mean; NaN for no values. */
    public static double mean(double... values) {
        return values.length == 0 ? Double.NaN : new Mean().evaluate(values);
    }

    /** The sample standard deviation (divisor {@code n - 1}); NaN for fewer than two values. */
    public static double sd(double... values) {
        return values.length < 2 ? Double.NaN : new StandardDeviation(true).evaluate(values);
    }

    /** The smallest value. */
    public static double min(double... values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    /** The largest value. */
    public static double max(double... values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /**
     * The {@code probability} quantile by linear interpolation between order statistics (type 7 of
     * Hyndman and Fan, the default of R and numpy).
     */
    public static double quantile(double[] values, double probability) {
        if (values.length == 0) {
            return Double.NaN;
        }
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("quantile probability must be in [0, 1], got " + probability);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = probability * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** The central {@code level} interval of bootstrap or other samples: its two quantiles. */
    public static Interval percentileInterval(double[] samples, double level) {
        checkLevel(level);
        return new Interval(quantile(samples, (1 - level) / 2), quantile(samples, (1 + level) / 2));
    }

    /** The mean with its 95% Student-t interval. */
    public static Estimate meanInterval(double... values) {
        return meanInterval(values, LEVEL);
    }

    /**
     * The mean of {@code values} with its Student-t interval at {@code level}:
     * {@code mean ± t(n-1) sd / sqrt(n)}. Needs at least two values.
     */
    public static Estimate meanInterval(double[] values, double level) {
        checkLevel(level);
        if (values.length < 2) {
            throw new IllegalArgumentException("a confidence interval needs at least 2 values, got " + values.length);
        }
        double mean = mean(values);
        double half = new TDistribution(values.length - 1).inverseCumulativeProbability((1 + level) / 2)
                * sd(values) / Math.sqrt(values.length);
        return new Estimate(mean, mean - half, mean + half, level, values.length);
    }

    /** The mean of the paired differences {@code a[i] - b[i]} with its 95% Student-t interval. */
    public static Estimate pairedDifference(double[] a, double[] b) {
        return pairedDifference(a, b, LEVEL);
    }

    /**
     * The mean of the paired differences {@code a[i] - b[i]} (the same seed, the same data order)
     * with its Student-t interval at {@code level}. A difference is shown only where the interval
     * excludes 0 ({@link Estimate#excludes(double)}).
     */
    public static Estimate pairedDifference(double[] a, double[] b, double level) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired values need equal lengths, got " + a.length + " and " + b.length);
        }
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = a[i] - b[i];
        }
        return meanInterval(differences, level);
    }

    /** The Spearman rank correlation of {@code x} and {@code y} (ties get their mean rank). */
    public static double spearman(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("a rank correlation needs two series of equal length >= 2, got "
                    + x.length + " and " + y.length);
        }
        return new SpearmansCorrelation().correlation(x, y);
    }

    /**
     * The Spearman rank correlation of paired observations with a percentile bootstrap interval:
     * {@code resamples} resamples of the pairs, drawn with {@code seed}. Resamples in which one side
     * is constant (no ranking) are skipped.
     */
    public static Estimate spearmanInterval(double[] x, double[] y, int resamples, long seed) {
        double rho = spearman(x, y);
        SplittableRandom random = new SplittableRandom(seed);
        double[] samples = new double[resamples];
        int kept = 0;
        double[] bx = new double[x.length];
        double[] by = new double[y.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < x.length; i++) {
                int j = random.nextInt(x.length);
                bx[i] = x[j];
                by[i] = y[j];
            }
            double value = new SpearmansCorrelation().correlation(bx, by);
            if (Double.isFinite(value)) {
                samples[kept++] = value;
            }
        }
        Interval interval = percentileInterval(Arrays.copyOf(samples, kept), LEVEL);
        return new Estimate(rho, interval.lower(), interval.upper(), LEVEL, x.length);
    }

    /**
     * The exponential moving average {@code s[0] = v[0], s[t] = (1 - alpha) s[t-1] + alpha v[t]},
     * the usual smoothing of per-step training losses ({@code alpha = 0.1} weighs about the last
     * 10 steps).
     */
    public static double[] ema(double[] values, double alpha) {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("EMA alpha must be in (0, 1], got " + alpha);
        }
        double[] smooth = new double[values.length];
        for (int t = 0; t < values.length; t++) {
            smooth[t] = t == 0 ? values[0] : (1 - alpha) * smooth[t - 1] + alpha * values[t];
        }
        return smooth;
    }

    private static void checkLevel(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
    }
}
