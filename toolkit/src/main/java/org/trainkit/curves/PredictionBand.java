package org.trainkit.curves;

/**
 * A predicted loss curve with a pointwise bootstrap interval ({@link BootstrapResult#band}): at each
 * step, the fit's prediction and the central percentile interval of the resamples' predictions.
 * Arrays are copies.
 *
 * @param steps the query steps
 * @param loss the fit's predicted loss at each step
 * @param lower the lower end of the interval at each step
 * @param upper the upper end
 * @param level the interval's level, e.g. 0.95
 */
public record PredictionBand(int[] steps, double[] loss, double[] lower, double[] upper, double level) {

    public PredictionBand {
        steps = steps.clone();
        loss = loss.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public double[] loss() {
        return loss.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }
}
