package org.trainkit.reweight;

import org.trainkit.schedules.SpecText;

/**
 * Focal-loss weights (Lin et al., "Focal loss for dense object detection", ICCV 2017): the focal
 * loss is {@code (1 - p_t)^gamma * CE} with {@code p_t = exp(-CE)} the probability of the true
 * class, so each sample's weight is {@code (1 - exp(-l_i))^gamma}, computed from its cross-entropy
 * alone. As a weighting the factor is a constant for the gradient (the gradient of the factor
 * itself, which the full focal loss also has, is left out). Weights vanish only for samples fit
 * exactly, so a batch may weigh all zero. Text form: {@code focal(gamma=2)}.
 *
 * @param gamma the focusing exponent, &gt;= 0 ({@code 0} is plain cross-entropy; the paper: 2)
 */
public record Focal(double gamma) implements Reweighting {

    /** The name in the text form. */
    public static final String NAME = "focal";

    /** Checks the setting. */
    public Focal {
        Require.nonNegative(NAME, "gamma", gamma);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("gamma", gamma).toString();
    }

    @Override
    public boolean mayWeighAllZero() {
        return true;
    }

    @Override
    public Weigher start(int[] classCounts) {
        return batch -> {
            float[] losses = batch.losses();
            double[] w = new double[losses.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = weight(losses[i]);
            }
            return w;
        };
    }

    /** The weight of a sample with cross-entropy {@code loss}: {@code (1 - exp(-loss))^gamma}. */
    public double weight(double loss) {
        return Math.pow(-Math.expm1(-Math.max(0, loss)), gamma);
    }

    @Override
    public String toString() {
        return spec();
    }
}
