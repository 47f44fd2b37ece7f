package org.trainkit.reweight;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import java.util.Objects;
import org.trainkit.train.SampleLosses;

/**
 * A DJL {@link Loss} that applies a {@link Reweighting} to any unreduced base loss, for plain
 * {@code ai.djl.training.Trainer} loops and {@code EasyTrain.fit}: it evaluates the base loss per
 * sample, asks the strategy for checked weights, and returns {@code (1/B) sum_i w_i l_i} (the
 * weights are constants for the gradient).
 *
 * <p>Labels: the first array holds the class indices; strategies that keep per-sample state
 * (Feasible Learning) need each sample's id as a second label array (an {@code ArrayDataset} with
 * {@code optLabels(classes, ids)}). A direct call of {@link #evaluate} on new predictions is a
 * training step, as in {@code EasyTrain.trainBatch} and hand-written loops (inside the
 * {@code GradientCollector}); a repeated call on the same predictions reuses the step's weights.
 * DJL's evaluator listeners reach the loss through {@link #updateAccumulators}, which never takes
 * a step: on the step's predictions it reports the weighted loss, on any others (validation
 * batches) the plain mean of the base loss, leaving the strategy's state alone.
 */
public final class ReweightedLoss extends Loss {

    private final Reweighting strategy;
    private final Loss base;
    private final Weigher weigher;
    private int steps;
    private NDArray lastPredictions;
    private double[] lastWeights;
    private boolean accumulating;

    /**
     * Applies {@code strategy} to {@code base}, which must return one loss per sample, for a
     * training set with these per-class counts (index = class).
     */
    public ReweightedLoss(Reweighting strategy, Loss base, int[] classCounts) {
        super("Reweighted(" + Objects.requireNonNull(strategy, "strategy").spec() + ")");
        this.strategy = strategy;
        this.base = Objects.requireNonNull(base, "base");
        this.weigher = strategy.weigher(classCounts);
    }

    /**
     * The strategy over its own base loss: cross-entropy, or the strategy's loss when it has one
     * (LDAM margins for {@code ldam_drw}).
     */
    public static ReweightedLoss of(Reweighting strategy, int[] classCounts) {
        Loss base = strategy.loss(classCounts).<Loss>map(l -> UnreducedLoss.of(strategy.name(), l))
                .orElseGet(UnreducedLoss::crossEntropy);
        return new ReweightedLoss(strategy, base, classCounts);
    }

    /** The training steps taken so far (calls with a gradient on new predictions). */
    public int steps() {
        return steps;
    }

    /** The strategy. */
    public Reweighting strategy() {
        return strategy;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray perSample = base.evaluate(new NDList(labels.head()), predictions);
        long size = predictions.head().getShape().get(0);
        if (perSample.getShape().dimension() != 1 || perSample.size() != size) {
            throw new IllegalArgumentException(getName() + ": the base loss " + base.getName() + " returned shape "
                    + perSample.getShape() + "; expected one loss per sample, shape (" + size + "): wrap an unreduced "
                    + "loss such as UnreducedLoss.crossEntropy()");
        }
        NDArray head = predictions.head();
        if (head != lastPredictions) {
            if (accumulating) {
                return perSample.mean();
            }
            lastWeights = weigher.weights(batch(labels, perSample));
            lastPredictions = head;
            steps++;
        }
        float[] w = new float[lastWeights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) lastWeights[i];
        }
        return perSample.mul(perSample.getManager().create(w)).mean();
    }

    @Override
    public void updateAccumulators(String[] keys, NDList labels, NDList predictions) {
        accumulating = true;
        try {
            super.updateAccumulators(keys, labels, predictions);
        } finally {
            accumulating = false;
        }
    }

    private SampleLosses batch(NDList labels, NDArray perSample) {
        int[] classes = labels.head().toType(DataType.INT32, false).reshape(-1).toIntArray();
        int[] ids;
        if (labels.size() > 1) {
            ids = labels.get(1).toType(DataType.INT32, false).reshape(-1).toIntArray();
        } else if (strategy.needsSampleIds()) {
            throw new IllegalArgumentException(strategy.spec() + " keeps per-sample state by sample id: give each "
                    + "sample's id as the second label array (ArrayDataset optLabels(classes, ids))");
        } else {
            ids = new int[classes.length];
            java.util.Arrays.setAll(ids, i -> i);
        }
        if (ids.length != classes.length) {
            throw new IllegalArgumentException(getName() + ": " + classes.length + " class labels but " + ids.length
                    + " sample ids in the batch");
        }
        return new SampleLosses(steps, ids.clone(), ids, classes, perSample.toFloatArray());
    }
}
