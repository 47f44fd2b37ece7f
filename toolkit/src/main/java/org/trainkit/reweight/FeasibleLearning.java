package org.trainkit.reweight;

import java.util.Arrays;
import org.trainkit.schedules.SpecText;
import org.trainkit.train.SampleLosses;

/**
 * Feasible Learning (Ramirez, Hashemizadeh, Lacoste-Julien, Gallego-Posada, AISTATS 2025): find
 * parameters with {@code l_i <= eps} for every sample, by gradient descent-ascent on the
 * Lagrangian {@code sum_i lambda_i (l_i - eps)} with one multiplier per sample, initialised to 0
 * and kept across epochs by sample id. Each step first takes the dual step on the batch's
 * samples, {@code lambda_i <- max(0, lambda_i + dual_lr (l_i - eps - slack lambda_i))}, then
 * weighs each sample by its updated multiplier (the primal step minimises
 * {@code sum_i lambda_i l_i}): alternating updates, dual first, so that a sample's first visit
 * already counts. {@code slack > 0} is the relaxed form (minimal-norm slack with penalty
 * {@code 1 / (2 slack) ||u||^2}, equivalently a decay on lambda); {@code slack = 0} is strict.
 * Samples that meet their constraint weigh 0, so a batch may weigh all zero. Text form:
 * {@code feasible(eps=0.51, dual_lr=1e-4, slack=0)} (the paper's CIFAR-10 settings,
 * {@code eps = ln(1/0.6)}).
 *
 * @param eps the loss bound every sample should meet, &gt;= 0
 * @param dualLr the dual step size, &gt; 0
 * @param slack the relaxation, &gt;= 0 (0: strict feasibility)
 */
public record FeasibleLearning(double eps, double dualLr, double slack) implements Reweighting {

    /** The name in the text form. */
    public static final String NAME = "feasible";

    /** Checks the settings. */
    public FeasibleLearning {
        Require.nonNegative(NAME, "eps", eps);
        Require.positive(NAME, "dual_lr", dualLr);
        Require.nonNegative(NAME, "slack", slack);
        if (dualLr * slack >= 1) {
            throw new org.trainkit.schedules.SpecException(NAME + ": keys 'dual_lr' and 'slack' must have dual_lr * slack < 1"
                    + " (the decay would flip the multipliers' sign), got " + dualLr * slack);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("eps", eps).number("dual_lr", dualLr).number("slack", slack).toString();
    }

    @Override
    public boolean mayWeighAllZero() {
        return true;
    }

    @Override
    public boolean needsSampleIds() {
        return true;
    }

    @Override
    public Multipliers start(int[] classCounts) {
        return new Multipliers(this);
    }

    @Override
    public String toString() {
        return spec();
    }

    /**
     * The multipliers of one run, one per sample id (0 for samples not yet seen); the run's
     * {@link Weigher}.
     */
    public static final class Multipliers implements Weigher {

        private final FeasibleLearning settings;
        private double[] lambda = new double[0];

        Multipliers(FeasibleLearning settings) {
            this.settings = settings;
        }

        @Override
        public double[] weights(SampleLosses batch) {
            int[] ids = batch.ids();
            float[] losses = batch.losses();
            double[] w = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                grow(ids[i]);
                double l = lambda[ids[i]];
                lambda[ids[i]] = Math.max(0, l + settings.dualLr() * (losses[i] - settings.eps() - settings.slack() * l));
            }
            for (int i = 0; i < ids.length; i++) {
                w[i] = lambda[ids[i]];
            }
            return w;
        }

        /** The multiplier of the sample with this id (0 if never seen). */
        public double multiplier(int id) {
            return id >= 0 && id < lambda.length ? lambda[id] : 0;
        }

        /** The multipliers of these ids, in order. */
        public double[] multipliers(int[] ids) {
            return Arrays.stream(ids).mapToDouble(this::multiplier).toArray();
        }

        private void grow(int id) {
            if (id < 0) {
                throw new IllegalArgumentException("feasible: sample ids must be >= 0, got " + id);
            }
            if (id >= lambda.length) {
                lambda = Arrays.copyOf(lambda, Math.max(id + 1, 2 * lambda.length));
            }
        }
    }
}
