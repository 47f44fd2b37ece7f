package org.trainkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.Arrays;
import org.trainkit.data.LabelledImages;

/**
 * Forward passes of a live DJL block without gradient, in batches of {@link #BATCH} images: the
 * per-sample cross-entropy and predictions behind {@link Evaluator}, the test evaluation of a
 * {@link Trainer} run and the {@link LossProbe} of a {@link BatchSampler}. The same images in the
 * same batches give the same numbers.
 */
final class BlockScorer {

    /** Images per forward pass. */
    static final int BATCH = 1000;

    private final Architecture architecture;
    private final Block block;
    private final ParameterStore parameters;
    private final NDManager manager;

    BlockScorer(Architecture architecture, Block block, ParameterStore parameters, NDManager manager) {
        this.architecture = architecture;
        this.block = block;
        this.parameters = parameters;
        this.manager = manager;
    }

    /** The whole of {@code data}, in order. */
    ModelEvaluation evaluate(LabelledImages data) {
        int[] all = new int[data.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        int[] labels = data.labels();
        int[] predictions = new int[all.length];
        float[] losses = new float[all.length];
        score(data, all, losses, predictions);
        return new ModelEvaluation(data.name(), data.classNames(), labels, predictions, losses);
    }

    /** The cross-entropy of the samples {@code indices} of {@code data}. */
    float[] losses(LabelledImages data, int[] indices) {
        float[] losses = new float[indices.length];
        score(data, indices, losses, null);
        return losses;
    }

    private void score(LabelledImages data, int[] indices, float[] losses, int[] predictions) {
        int classes = data.classes();
        for (int from = 0; from < indices.length; from += BATCH) {
            int count = Math.min(BATCH, indices.length - from);
            int[] chunk = Arrays.copyOfRange(indices, from, from + count);
            float[] pixels = new float[count * data.pixelsPerImage()];
            data.copyImages(chunk, pixels, 0);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = scope.create(pixels, architecture.inputShape(count, data.rows(), data.cols()));
                float[] logProbabilities = block.forward(parameters, new NDList(x), false).singletonOrThrow()
                        .logSoftmax(1).toFloatArray();
                for (int i = 0; i < count; i++) {
                    int row = i * classes;
                    losses[from + i] = -logProbabilities[row + data.label(chunk[i])];
                    if (predictions != null) {
                        int best = 0;
                        for (int c = 1; c < classes; c++) {
                            if (logProbabilities[row + c] > logProbabilities[row + best]) {
                                best = c;
                            }
                        }
                        predictions[from + i] = best;
                    }
                }
            }
        }
    }
}
