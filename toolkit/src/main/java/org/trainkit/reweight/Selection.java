package org.trainkit.reweight;

import org.trainkit.train.BatchSampler;
import org.trainkit.train.Trainer;
import org.trainkit.train.TrainingResult;

/**
 * A strategy that chooses which samples each step sees, through the harness's
 * {@link BatchSampler} hook; how many samples a run actually trained on is
 * {@link TrainingResult#samplesProcessed()}. Every epoch is a fresh seeded shuffle, so a seed
 * gives the same batches.
 */
public interface Selection extends Strategy, BatchSampler {

    /** Sets the trainer's sampler to this selection. */
    default Trainer applyTo(Trainer trainer) {
        return trainer.sampler(this);
    }
}
