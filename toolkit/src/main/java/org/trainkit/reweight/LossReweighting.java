package org.trainkit.reweight;

import java.util.Arrays;
import org.trainkit.schedules.SpecText;

/**
 * Loss-based sample reweighting (Sow, Lin, Wang, Shroff, "Dynamic loss-based sample reweighting
 * for improved large language model pretraining", ICLR 2025). Per batch each loss is normalised
 * to {@code x_i = delta (2 l_i - l_max - l_min) / (l_max - l_min)} in {@code [-delta, delta]}
 * ({@code delta = 1}; all {@code x_i = 0} when the batch's losses are equal), the {@link LossShape}
 * gives {@code f(x_i)}, and the weights are {@code B * softmax_i(f(x_i) / r)}, which sum to the
 * batch size {@code B} and so keep the loss scale. The first {@code warmup} steps weigh every
 * sample 1. Text form: {@code linupper(r=1, warmup=1000)} (also {@code quadratic}, {@code extremes}).
 *
 * @param shape the strategy
 * @param r the softmax temperature, &gt; 0 (the paper: 1.0 for small models, 0.4 for deeper ones)
 * @param warmup steps of uniform weights at the start, &gt;= 0 (the paper: 1000)
 */
public record LossReweighting(LossShape shape, double r, int warmup) implements Reweighting {

    /** The normalisation's half-width. */
    public static final double DELTA = 1;

    /** Checks the settings. */
    public LossReweighting {
        if (shape == null) {
            throw new IllegalArgumentException("a loss-based reweighting needs a shape: linupper, quadratic or extremes");
        }
        Require.positive(Words.of(shape), "r", r);
        Require.nonNegative(Words.of(shape), "warmup", warmup);
    }

    @Override
    public String name() {
        return Words.of(shape);
    }

    @Override
    public String spec() {
        return new SpecText(name()).number("r", r).steps("warmup", warmup).toString();
    }

    @Override
    public Weigher start(int[] classCounts) {
        return batch -> batch.step() < warmup ? ones(batch.size()) : weights(batch.losses());
    }

    /** The weights of one batch of losses after the warm-up: {@code B * softmax(f(x) / r)}. */
    public double[] weights(float[] losses) {
        int n = losses.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float l : losses) {
            min = Math.min(min, l);
            max = Math.max(max, l);
        }
        double[] scores = new double[n];
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double x = max > min ? DELTA * (2 * losses[i] - max - min) / (max - min) : 0;
            scores[i] = shape.apply(x, DELTA) / r;
            top = Math.max(top, scores[i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = Math.exp(scores[i] - top);
            sum += scores[i];
        }
        for (int i = 0; i < n; i++) {
            scores[i] = n * scores[i] / sum;
        }
        return scores;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    @Override
    public String toString() {
        return spec();
    }
}
