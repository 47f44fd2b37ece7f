package org.trainkit.train;

/**
 * A forward pass on chosen training samples under the current parameters, for samplers that pick
 * a batch from a larger candidate pool by loss. No gradient, no update, no random draws; it costs
 * a forward pass per sample.
 */
@FunctionalInterface
public interface LossProbe {

    /** The cross-entropy of each of the training samples {@code indices}, in that order. */
    float[] losses(int[] indices);
}
