package org.trainkit.reweight;

import org.trainkit.schedules.SpecText;

/**
 * DoReMi group weights (Xie et al., "DoReMi: optimizing data mixtures speeds up language model
 * pretraining", NeurIPS 2023): group-DRO weights over {@code k} groups (data sources, classes)
 * driven by the excess of a proxy model's per-group loss over a reference model's. One update:
 * {@code lambda_g = max(proxy_g - reference_g, 0)} (the clipped excess loss),
 * {@code alpha'_g = alpha_g exp(eta lambda_g)}, then
 * {@code alpha = (1 - c) alpha' / sum(alpha') + c / k}. The method's output is the average of
 * {@code alpha} over training ({@link Run#average()}). Text form: {@code doremi(eta=1, smoothing=1e-4)}.
 *
 * @param eta the step size, &gt; 0 (the paper: 1)
 * @param smoothing the mix {@code c} with the uniform weights, in {@code [0, 1]} (the paper: 1e-4)
 */
public record DoReMi(double eta, double smoothing) implements Strategy {

    /** The name in the text form. */
    public static final String NAME = "doremi";

    /** Checks the settings. */
    public DoReMi {
        Require.positive(NAME, "eta", eta);
        if (!(smoothing >= 0 && smoothing <= 1)) {
            throw new org.trainkit.schedules.SpecException(NAME + ": key 'smoothing' must be in [0, 1], got " + smoothing);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("eta", eta).number("smoothing", smoothing).toString();
    }

    /** One update of the group weights {@code alpha} from per-group proxy and reference losses. */
    public double[] update(double[] alpha, double[] proxyLoss, double[] referenceLoss) {
        int k = alpha.length;
        if (k == 0 || proxyLoss.length != k || referenceLoss.length != k) {
            throw new IllegalArgumentException(NAME + ": alpha, proxy and reference losses need one value per group, got "
                    + k + ", " + proxyLoss.length + " and " + referenceLoss.length);
        }
        double[] next = new double[k];
        double top = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < k; g++) {
            if (!(alpha[g] > 0) || !Double.isFinite(proxyLoss[g]) || !Double.isFinite(referenceLoss[g])) {
                throw new IllegalArgumentException(NAME + ": group " + g + " has alpha " + alpha[g] + ", proxy loss "
                        + proxyLoss[g] + ", reference loss " + referenceLoss[g] + "; expected alpha > 0 and finite losses");
            }
            next[g] = Math.log(alpha[g]) + eta * Math.max(proxyLoss[g] - referenceLoss[g], 0);
            top = Math.max(top, next[g]);
        }
        double sum = 0;
        for (int g = 0; g < k; g++) {
            next[g] = Math.exp(next[g] - top);
            sum += next[g];
        }
        for (int g = 0; g < k; g++) {
            next[g] = (1 - smoothing) * next[g] / sum + smoothing / k;
        }
        return next;
    }

    /** A run over {@code groups} groups starting from uniform weights. */
    public Run start(int groups) {
        return new Run(this, groups);
    }

    @Override
    public String toString() {
        return spec();
    }

    /** The weights along one run and their average, the method's output. */
    public static final class Run {
        private final DoReMi settings;
        private double[] alpha;
        private final double[] sum;
        private int updates;

        Run(DoReMi settings, int groups) {
            if (groups < 1) {
                throw new IllegalArgumentException(NAME + ": needs at least one group, got " + groups);
            }
            this.settings = settings;
            this.alpha = new double[groups];
            java.util.Arrays.fill(alpha, 1.0 / groups);
            this.sum = new double[groups];
        }

        /** Takes one update and returns the new weights. */
        public double[] update(double[] proxyLoss, double[] referenceLoss) {
            alpha = settings.update(alpha, proxyLoss, referenceLoss);
            for (int g = 0; g < alpha.length; g++) {
                sum[g] += alpha[g];
            }
            updates++;
            return alpha.clone();
        }

        /** The current weights. */
        public double[] current() {
            return alpha.clone();
        }

        /** The average of the weights over the updates taken (the uniform start before any). */
        public double[] average() {
            if (updates == 0) {
                return alpha.clone();
            }
            double[] mean = new double[sum.length];
            for (int g = 0; g < mean.length; g++) {
                mean[g] = sum[g] / updates;
            }
            return mean;
        }
    }
}
