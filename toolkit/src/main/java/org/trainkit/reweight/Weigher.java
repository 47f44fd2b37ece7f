package org.trainkit.reweight;

import org.trainkit.train.SampleLosses;

/**
 * The state of a {@link Reweighting} during one training run: called once per step with the
 * batch's unreduced per-sample losses, it returns one weight per sample (constants for the
 * gradient). Strategies that keep state across steps (Feasible Learning's multipliers) update it
 * in this call, keyed by {@link SampleLosses#ids()}.
 */
@FunctionalInterface
public interface Weigher {

    /** One weight per sample of {@code batch}, in the batch's order. */
    double[] weights(SampleLosses batch);
}
