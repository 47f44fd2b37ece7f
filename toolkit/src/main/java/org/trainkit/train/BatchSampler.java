package org.trainkit.train;

import java.util.OptionalInt;
import org.trainkit.data.LabelledImages;

/**
 * Which training samples each step sees. A sampler is a strategy value; each run calls
 * {@link #start} for a fresh {@link Sampling} that holds the run's state (its random generator,
 * the losses it has seen), so one sampler serves many runs and the same seed gives the same
 * batches. The trainer asks the sampling for one batch at a time and tells it, after the step,
 * the per-sample losses the step computed:
 *
 * <ul>
 *   <li>random per-epoch subsets (RS2, Okanovic et al. 2023): at the first batch of an epoch draw a
 *       fresh subset of a fraction of the data and hand it out in batches, then end the epoch;
 *   <li>progressive data dropout: keep the losses {@link Sampling#observe observed} during an
 *       epoch and leave out of the next epoch the samples whose loss fell below a threshold;
 *   <li>hard-batch selection: draw a larger candidate pool, score it with the request's
 *       {@link LossProbe} (a forward pass under the current parameters) or with the losses
 *       observed when the candidates were last trained on, and return the hardest.
 * </ul>
 *
 * <p>The default, {@link #shuffled()}, visits the whole training set in a fresh seeded random
 * order each epoch and drops the last incomplete batch.
 */
public interface BatchSampler {

    /**
     * A fresh sampling for one run on {@code train} with batches of at most {@code batchSize}
     * samples; {@code seed} is the run's seed.
     */
    Sampling start(LabelledImages train, int batchSize, long seed);

    /**
     * The number of batches of every epoch when the strategy fixes it in advance, so that a run of
     * {@code epochs(n)} can check that its schedule is long enough before it starts; empty when
     * it depends on the run (for instance on the losses). Default: empty.
     */
    default OptionalInt batchesPerEpoch(int samples, int batchSize) {
        return OptionalInt.empty();
    }

    /** The default sampler: every sample once per epoch, in a fresh random order drawn from the seed. */
    static BatchSampler shuffled() {
        return new ShuffledSampler();
    }

    /** The state of a {@link BatchSampler} during one run. */
    interface Sampling {

        /**
         * The indices (into the training set) of the samples of the next batch: between 1 and the
         * run's batch size of them, repeats allowed; or an empty array to end the current epoch
         * (the next request then starts a new epoch; an epoch must have at least one batch).
         */
        int[] nextBatch(BatchRequest request);

        /**
         * Told, after each step, the per-sample losses that step computed for the batch this
         * sampling chose (under the parameters before the step's update). Default: ignored.
         */
        default void observe(SampleLosses trained) {
        }
    }
}
