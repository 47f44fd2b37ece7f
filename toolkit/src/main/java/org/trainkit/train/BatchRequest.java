package org.trainkit.train;

import java.util.Objects;

/**
 * What the trainer tells a {@link BatchSampler.Sampling} when it asks for a batch.
 *
 * @param step the 0-based optimizer step the batch is for
 * @param epoch the 0-based epoch
 * @param batchInEpoch the 0-based position of the batch in its epoch (0 at an epoch's start)
 * @param probe per-sample losses of any training samples under the current parameters
 */
public record BatchRequest(int step, int epoch, int batchInEpoch, LossProbe probe) {

    /** Checks the fields. */
    public BatchRequest {
        Objects.requireNonNull(probe, "probe");
    }

    /** Whether this is the first request of an epoch. */
    public boolean startsEpoch() {
        return batchInEpoch == 0;
    }
}
