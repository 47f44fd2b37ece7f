package org.trainkit.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Locale;
import org.trainkit.core.Progress;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedule;

/**
 * The steps of one {@link Trainer} run: ask the sampling for a batch, compute the per-sample
 * losses, the (weighted) objective and its gradient, update, log, tell the sampling and the
 * listeners. It drives DJL's parameter store directly rather than DJL's own {@code Trainer},
 * whose first step refuses all-zero gradients: a legitimate state here (a weighting hook may give
 * every sample weight 0, as Feasible Learning does at its start).
 *
 * <p>A run bounded by steps ends after {@code settings.steps()} steps; a run bounded by epochs
 * ends when its last epoch does, and it is an error if the schedule runs out first.
 */
final class TrainingLoop {

    /** What the loop did: steps taken, samples trained on, wall time. */
    record Outcome(int steps, long samples, double seconds) {
    }

    private final LabelledImages train;
    private final Architecture architecture;
    private final Schedule schedule;
    private final SampleWeighting weighting;
    private final SampleLoss loss;
    private final BatchSampler sampler;
    private final List<StepListener> listeners;
    private final RunSettings settings;
    private final boolean progress;
    private final float[] fullBatchPixels;

    TrainingLoop(LabelledImages train, Architecture architecture, Schedule schedule, SampleWeighting weighting,
            SampleLoss loss, BatchSampler sampler, List<StepListener> listeners, RunSettings settings, boolean progress) {
        this.train = train;
        this.architecture = architecture;
        this.schedule = schedule;
        this.weighting = weighting;
        this.loss = loss;
        this.sampler = sampler;
        this.listeners = List.copyOf(listeners);
        this.settings = settings;
        this.progress = progress;
        this.fullBatchPixels = new float[settings.batchSize() * train.pixelsPerImage()];
    }

    Outcome run(Engine engine, Block block, ParameterStore parameters, NDManager manager, TrainingLog log) {
        BlockScorer scorer = new BlockScorer(architecture, block, parameters, manager);
        LossProbe probe = indices -> scorer.losses(train, checked(indices.clone(), Integer.MAX_VALUE, -1, "loss probe"));
        BatchSampler.Sampling sampling = sampler.start(train, settings.batchSize(), settings.seed());
        int budget = settings.steps();
        int epochs = settings.epochs();
        int step = 0;
        int epoch = 0;
        int inEpoch = 0;
        long samples = 0;
        Progress bar = progress ? Progress.start("training " + settings.name(), budget) : Progress.silent();
        long start = System.nanoTime();
        try {
            while (epochs == 0 ? step < budget : epoch < epochs) {
                int[] batch = sampling.nextBatch(new BatchRequest(step, epoch, inEpoch, probe));
                if (batch == null) {
                    throw new IllegalStateException("the batch sampler returned null at step " + step
                            + "; it returns an empty array to end an epoch");
                }
                if (batch.length == 0) {
                    if (inEpoch == 0) {
                        throw new IllegalStateException("the batch sampler ended epoch " + epoch
                                + " before its first batch (step " + step + ")");
                    }
                    epoch++;
                    inEpoch = 0;
                    continue;
                }
                if (step == budget) {
                    throw new IllegalStateException("the schedule covers " + budget + " steps but epoch " + epoch
                            + " of " + epochs + " asks for more batches; give a longer schedule or bound the run"
                            + " with steps(...)");
                }
                checked(batch, settings.batchSize(), step, "batch sampler");
                step(engine, block, parameters, manager, log, sampling, batch.clone(), step, epoch, bar);
                samples += batch.length;
                step++;
                inEpoch++;
            }
        } finally {
            bar.close();
        }
        return new Outcome(step, samples, (System.nanoTime() - start) / 1e9);
    }

    private void step(Engine engine, Block block, ParameterStore parameters, NDManager manager, TrainingLog log,
            BatchSampler.Sampling sampling, int[] batch, int step, int epoch, Progress bar) {
        int size = batch.length;
        int[] labels = new int[size];
        int[] ids = new int[size];
        long[] labelsLong = new long[size];
        for (int i = 0; i < size; i++) {
            labels[i] = train.label(batch[i]);
            ids[i] = train.id(batch[i]);
            labelsLong[i] = labels[i];
        }
        float[] pixels = size == settings.batchSize() ? fullBatchPixels : new float[size * train.pixelsPerImage()];
        train.copyImages(batch, pixels, 0);
        float[] losses;
        double[] weights = null;
        double gradNorm;
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(pixels, architecture.inputShape(size, train.rows(), train.cols()));
            NDArray oneHot = scope.create(labelsLong).oneHot(train.classes());
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray logits = block.forward(parameters, new NDList(x), true).singletonOrThrow();
                NDArray perSample = loss == null ? logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg()
                        : perSampleLoss(logits, oneHot, size, step);
                losses = perSample.toFloatArray();
                NDArray objective;
                if (weighting == null) {
                    objective = perSample.mean();
                } else {
                    weights = weights(new SampleLosses(step, batch.clone(), ids.clone(), labels.clone(), losses.clone()));
                    objective = perSample.mul(scope.create(toFloats(weights))).mean();
                }
                collector.backward(objective);
            }
            gradNorm = gradientNorm(block, scope);
            parameters.updateAllParameters();
        }
        double lr = schedule.lr(step);
        double loss = mean(losses);
        log.add(step, lr, loss, gradNorm);
        sampling.observe(new SampleLosses(step, batch.clone(), ids.clone(), labels.clone(), losses.clone()));
        if (!listeners.isEmpty()) {
            LiveParameters live = new LiveParameters(block, step);
            StepEvent event = new StepEvent(settings, step, epoch, lr, gradNorm, batch, ids, labels, losses, weights, live);
            try {
                for (StepListener listener : listeners) {
                    listener.onStep(event);
                }
            } finally {
                live.close();
            }
        }
        bar.advance(String.format(Locale.ROOT, "loss %.4f, lr %.3g", loss, lr));
    }

    private NDArray perSampleLoss(NDArray logits, NDArray oneHot, int size, int step) {
        NDArray perSample = loss.losses(logits, oneHot);
        if (perSample == null || perSample.getShape().dimension() != 1 || perSample.size() != size) {
            throw new IllegalStateException("the sample loss returned " + (perSample == null ? "null"
                    : "shape " + perSample.getShape()) + " at step " + step + "; expected one loss per sample, shape ("
                    + size + ")");
        }
        return perSample;
    }

    /** The batch, after checking that it holds 1..limit indices into the training set. */
    private int[] checked(int[] indices, int limit, int step, String source) {
        String where = step >= 0 ? " at step " + step : "";
        if (indices.length > limit) {
            throw new IllegalStateException("the " + source + " gave " + indices.length + " samples" + where
                    + "; the batch size is " + limit);
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= train.size()) {
                throw new IllegalStateException("the " + source + " gave index " + indices[i] + " at position " + i
                        + where + "; the training set has samples 0.." + (train.size() - 1));
            }
        }
        return indices;
    }

    private double[] weights(SampleLosses batch) {
        int step = batch.step();
        double[] weights = weighting.weights(batch);
        if (weights == null || weights.length != batch.size()) {
            throw new IllegalStateException("the sample weighting returned " + (weights == null ? "null" : weights.length
                    + " weights") + " at step " + step + "; expected " + batch.size() + " (one per sample)");
        }
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalStateException("the sample weighting gave weight " + weights[i] + " to sample " + i
                        + " at step " + step + "; expected a finite value >= 0");
            }
        }
        return weights.clone();
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }

    /** Global L2 norm of all parameter gradients; temporaries live in {@code scope}. */
    private static double gradientNorm(Block block, NDManager scope) {
        double sumOfSquares = 0;
        for (Parameter parameter : BlockParameters.named(block).values()) {
            NDArray gradient = parameter.getArray().getGradient();
            gradient.attach(scope);
            sumOfSquares += gradient.square().sum().getFloat();
        }
        return Math.sqrt(sumOfSquares);
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
