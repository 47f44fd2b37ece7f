package org.trainkit.train;

/**
 * The per-sample losses of one training batch, handed to a {@link SampleWeighting} before the
 * step's update and to the {@link BatchSampler.Sampling} that chose the batch after it. The arrays
 * are the hook's own copies; index {@code i} refers to the same sample in all four.
 *
 * @param step the 0-based optimizer step
 * @param indices each sample's index in the training set (stable across epochs)
 * @param ids each sample's id, its index in the dataset the training set is a view of
 *     ({@code LabelledImages.id}): per-sample state kept by id lines up across views and runs
 * @param labels each sample's class label
 * @param losses each sample's loss under the current parameters: cross-entropy, or the run's
 *     {@link SampleLoss} when it has one
 */
public record SampleLosses(int step, int[] indices, int[] ids, int[] labels, float[] losses) {

    /** The batch size. */
    public int size() {
        return losses.length;
    }
}
