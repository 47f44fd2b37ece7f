package org.trainkit.reweight;

import java.util.Arrays;
import org.trainkit.data.LabelledImages;
import org.trainkit.train.StepEvent;
import org.trainkit.train.StepListener;

/**
 * A {@link StepListener} that records, at every step, the mean weight of the batch's clean samples
 * and of its mislabelled ones (by the training set's {@link LabelledImages#flippedMask()}); a run
 * without a weighting counts every weight as 1. For Feasible Learning the weights are the
 * multipliers, so the trace shows the multipliers of clean versus flipped samples. Steps whose
 * batch has no sample of a group record NaN for it.
 */
public final class WeightTrace implements StepListener {

    private final boolean[] flipped;
    private double[] clean = new double[64];
    private double[] noisy = new double[64];
    private int steps;

    /** A trace for runs on {@code train}. */
    public WeightTrace(LabelledImages train) {
        this.flipped = train.flippedMask();
    }

    @Override
    public void onStep(StepEvent event) {
        int[] indices = event.indices();
        double[] weights = event.weights();
        double sumClean = 0;
        double sumFlipped = 0;
        int nClean = 0;
        int nFlipped = 0;
        for (int i = 0; i < indices.length; i++) {
            double w = weights == null ? 1 : weights[i];
            if (flipped[indices[i]]) {
                sumFlipped += w;
                nFlipped++;
            } else {
                sumClean += w;
                nClean++;
            }
        }
        if (steps == clean.length) {
            clean = Arrays.copyOf(clean, 2 * steps);
            noisy = Arrays.copyOf(noisy, 2 * steps);
        }
        clean[steps] = nClean == 0 ? Double.NaN : sumClean / nClean;
        noisy[steps] = nFlipped == 0 ? Double.NaN : sumFlipped / nFlipped;
        steps++;
    }

    /** The number of steps recorded. */
    public int steps() {
        return steps;
    }

    /** The mean weight of clean samples at each step. */
    public double[] clean() {
        return Arrays.copyOf(clean, steps);
    }

    /** The mean weight of flipped samples at each step. */
    public double[] flipped() {
        return Arrays.copyOf(noisy, steps);
    }

    /**
     * {@code [window centres, clean means, flipped means]}: the per-step means averaged over
     * consecutive windows of {@code window} steps (NaN steps left out), for plotting.
     */
    public double[][] windowed(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window: expected >= 1 steps, got " + window);
        }
        int n = steps / window;
        double[][] out = new double[3][n];
        for (int k = 0; k < n; k++) {
            out[0][k] = k * window + (window - 1) / 2.0;
            out[1][k] = meanIgnoringNaN(clean, k * window, window);
            out[2][k] = meanIgnoringNaN(noisy, k * window, window);
        }
        return out;
    }

    private static double meanIgnoringNaN(double[] values, int from, int count) {
        double sum = 0;
        int n = 0;
        for (int i = from; i < from + count; i++) {
            if (!Double.isNaN(values[i])) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
