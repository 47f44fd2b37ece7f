package org.trainkit.train;

import java.util.List;

/**
 * Means over runs of one logged column, step by step: the mean gradient norm of several seeds (the
 * input of the refined schedule of Defazio et al., arXiv 2310.07831, and of the measured convex
 * bound of Schaipp et al., arXiv 2501.18965), or the mean training loss, optionally averaged over
 * consecutive windows of steps to take out the batch noise before a law is fitted to it.
 */
public final class RunMeans {

    private RunMeans() {
    }

    /**
     * The mean over {@code runs} of the log column {@code column} ("loss", "grad_norm", ...) at every
     * step; the runs must have the same number of steps.
     */
    public static double[] perStep(List<TrainingResult> runs, String column) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("run means: no runs to average");
        }
        int steps = runs.get(0).log().rowCount();
        double[] mean = new double[steps];
        for (TrainingResult r : runs) {
            if (!r.log().columnNames().contains(column)) {
                throw new IllegalArgumentException("run means: the log of " + r.name() + " has no column '" + column
                        + "'; it has " + r.log().columnNames());
            }
            if (r.log().rowCount() != steps) {
                throw new IllegalArgumentException("run means: " + r.name() + " has " + r.log().rowCount()
                        + " steps, " + runs.get(0).name() + " has " + steps);
            }
            double[] values = r.log().numberColumn(column).asDoubleArray();
            for (int t = 0; t < steps; t++) {
                mean[t] += values[t] / runs.size();
            }
        }
        return mean;
    }

    /**
     * {@link #perStep} averaged over consecutive windows of {@code window} steps, the last window
     * ending at the last step and the first starting at or after step {@code from}: row 0 holds the
     * windows' centre steps, row 1 their means.
     */
    public static double[][] windows(List<TrainingResult> runs, String column, int window, int from) {
        double[] mean = perStep(runs, column);
        if (window < 1 || from < 0 || from + window > mean.length) {
            throw new IllegalArgumentException("run means: windows of " + window + " steps from step " + from
                    + " do not fit " + mean.length + " steps");
        }
        int n = (mean.length - from) / window;
        double[][] out = new double[2][n];
        for (int i = 0; i < n; i++) {
            int start = mean.length - (n - i) * window;
            for (int t = start; t < start + window; t++) {
                out[1][i] += mean[t] / window;
            }
            out[0][i] = start + (window - 1) / 2.0;
        }
        return out;
    }
}
