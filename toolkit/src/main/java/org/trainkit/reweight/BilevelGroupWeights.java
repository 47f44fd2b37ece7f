package org.trainkit.reweight;

import org.trainkit.schedules.SpecText;

/**
 * A first-order bilevel update of group weights against a validation loss, in the spirit of
 * ScaleBiO (Pan et al., "ScaleBiO: scalable bilevel optimization for LLM data reweighting", 2024).
 * The inner problem trains on {@code sum_g w_g L_g(theta)}; after one inner gradient step
 * {@code theta' = theta - eta sum_g w_g grad L_g}, the validation loss changes with {@code w_g} by
 * {@code d L_val(theta') / d w_g = -eta <grad L_val, grad L_g>} to first order. The outer step is
 * exponentiated-gradient descent on the simplex:
 * {@code w_g <- w_g exp(lr <grad L_val, grad L_g>) / Z}, so groups whose gradient agrees with the
 * validation gradient gain weight ({@code lr} absorbs the inner step size). Text form:
 * {@code bilevel(lr=0.1)}.
 *
 * @param lr the outer step size, &gt; 0
 */
public record BilevelGroupWeights(double lr) implements Strategy {

    /** The name in the text form. */
    public static final String NAME = "bilevel";

    /** Checks the setting. */
    public BilevelGroupWeights {
        Require.positive(NAME, "lr", lr);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("lr", lr).toString();
    }

    /**
     * The updated weights from the current ones, each group's loss gradient ({@code groupGradients[g]})
     * and the validation loss gradient, all over the same parameters.
     */
    public double[] update(double[] weights, double[][] groupGradients, double[] validationGradient) {
        int k = weights.length;
        if (k == 0 || groupGradients.length != k) {
            throw new IllegalArgumentException(NAME + ": need one gradient per group, got " + groupGradients.length
                    + " gradients for " + k + " weights");
        }
        double[] logits = new double[k];
        double top = Double.NEGATIVE_INFINITY;
        for (int g = 0; g < k; g++) {
            if (!(weights[g] > 0)) {
                throw new IllegalArgumentException(NAME + ": group " + g + " has weight " + weights[g] + "; expected > 0");
            }
            if (groupGradients[g].length != validationGradient.length) {
                throw new IllegalArgumentException(NAME + ": group " + g + "'s gradient has " + groupGradients[g].length
                        + " entries, the validation gradient " + validationGradient.length);
            }
            double dot = 0;
            for (int p = 0; p < validationGradient.length; p++) {
                dot += groupGradients[g][p] * validationGradient[p];
            }
            logits[g] = Math.log(weights[g]) + lr * dot;
            top = Math.max(top, logits[g]);
        }
        double sum = 0;
        for (int g = 0; g < k; g++) {
            logits[g] = Math.exp(logits[g] - top);
            sum += logits[g];
        }
        for (int g = 0; g < k; g++) {
            logits[g] /= sum;
        }
        return logits;
    }

    @Override
    public String toString() {
        return spec();
    }
}
