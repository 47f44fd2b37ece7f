package org.trainkit.reweight;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import java.util.Objects;
import org.trainkit.train.SampleLoss;

/**
 * A DJL {@link Loss} that returns one loss per sample (shape {@code [B]}) instead of the batch
 * mean, as {@link ReweightedLoss} needs: DJL's own losses reduce. Predictions are the logits
 * {@code [B, C]}; the first label array holds the class indices. {@link #crossEntropy()} is
 * softmax cross-entropy; {@link #of} turns any {@link SampleLoss} (such as {@link LdamMargins})
 * into one.
 */
public final class UnreducedLoss extends Loss {

    private final SampleLoss loss;

    private UnreducedLoss(String name, SampleLoss loss) {
        super(name);
        this.loss = Objects.requireNonNull(loss, "loss");
    }

    /** Softmax cross-entropy per sample. */
    public static UnreducedLoss crossEntropy() {
        return new UnreducedLoss("UnreducedSoftmaxCrossEntropy",
                (logits, oneHot) -> logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg());
    }

    /** {@code loss} per sample, under DJL's name {@code name}. */
    public static UnreducedLoss of(String name, SampleLoss loss) {
        return new UnreducedLoss(name, loss);
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        if (logits.getShape().dimension() != 2) {
            throw new IllegalArgumentException(getName() + ": expected logits of shape [B, C], got " + logits.getShape());
        }
        NDArray classes = labels.head().toType(DataType.INT64, false).reshape(-1);
        NDArray oneHot = classes.oneHot((int) logits.getShape().get(1)).toType(logits.getDataType(), false);
        return loss.losses(logits, oneHot);
    }
}
