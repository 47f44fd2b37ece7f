package org.trainkit.train;

import ai.djl.ndarray.NDArray;

/**
 * A per-sample loss hook for {@link Trainer}: the unreduced loss of each sample of a batch from
 * the model's logits, replacing the default cross-entropy {@code -sum_j y_j log softmax(z)_j}.
 * For losses that change the logits themselves, which a {@link SampleWeighting} (a weight on each
 * sample's cross-entropy) cannot express: label-distribution-aware margins (LDAM, Cao et al.,
 * NeurIPS 2019) subtract a class-dependent margin from the true class's logit. The result must be
 * differentiable in {@code logits} (the step's gradient flows through it); its values are what
 * {@link SampleLosses#losses()} then carries to the weighting, the sampler and the listeners.
 * Evaluation ({@link Evaluator}, the test split) and the {@link LossProbe} keep cross-entropy.
 */
@FunctionalInterface
public interface SampleLoss {

    /**
     * The loss of each sample, shape {@code [B]}, from {@code logits} of shape {@code [B, C]} and
     * the one-hot labels {@code oneHot} of the same shape.
     */
    NDArray losses(NDArray logits, NDArray oneHot);
}
