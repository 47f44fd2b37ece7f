package org.trainkit.train;

/**
 * A per-sample weighting hook for {@link Trainer}: given the batch's per-sample losses at a step,
 * it returns one weight per sample, and the step optimizes the mean of the weighted losses,
 * {@code (1/B) * sum_i w_i * l_i}. Weights of 1 give plain training; weights that sum to B (for
 * instance a softmax times B, as in Sow et al., ICLR 2025) keep the loss scale. Weights are
 * constants for the gradient (no gradient flows through them) and must be finite and &gt;= 0.
 * Methods that keep state across steps (e.g. per-sample dual variables in Feasible Learning,
 * Ramirez et al., AISTATS 2025) key it by {@link SampleLosses#indices()}.
 */
@FunctionalInterface
public interface SampleWeighting {

    /** One weight per sample of {@code batch}, in the batch's order. */
    double[] weights(SampleLosses batch);
}
