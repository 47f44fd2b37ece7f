package org.trainkit.reweight;

import java.util.Optional;
import org.trainkit.data.LabelledImages;
import org.trainkit.train.SampleLoss;
import org.trainkit.train.Trainer;

/**
 * A strategy that weighs each sample of a batch from the batch's unreduced losses: the step
 * optimises {@code (1/B) sum_i w_i l_i}. Each run gets fresh state from {@link #start}; its
 * weights are checked every step ({@link WeightException} names the strategy, step and sample).
 * Use it in the harness with {@link #applyTo} or in a plain DJL loop with {@link ReweightedLoss}.
 */
public interface Reweighting extends Strategy {

    /**
     * Fresh per-run state for a training set with these per-class sample counts (index = class),
     * unchecked; {@link #weigher} adds the checks.
     */
    Weigher start(int[] classCounts);

    /** Whether every weight of a batch may be 0 (Feasible Learning, before any constraint is violated). Default false. */
    default boolean mayWeighAllZero() {
        return false;
    }

    /** Whether the strategy keeps per-sample state by sample id (Feasible Learning). Default false. */
    default boolean needsSampleIds() {
        return false;
    }

    /** The per-sample loss the strategy trains with instead of cross-entropy (LDAM margins); default none. */
    default Optional<SampleLoss> loss(int[] classCounts) {
        return Optional.empty();
    }

    /** Fresh per-run state whose weights are checked at every step. */
    default Weigher weigher(int[] classCounts) {
        return new CheckedWeigher(this, start(classCounts.clone()));
    }

    /** The harness hook for one run on {@code train}: checked weights, described by {@link #spec()}. */
    default HarnessWeighting weighting(LabelledImages train) {
        return new HarnessWeighting(this, train.classCounts());
    }

    /** Sets the trainer's weighting (and loss, when the strategy has one) for one run on {@code train}. */
    default Trainer applyTo(Trainer trainer, LabelledImages train) {
        trainer.weighting(weighting(train));
        loss(train.classCounts()).ifPresent(trainer::loss);
        return trainer;
    }
}
