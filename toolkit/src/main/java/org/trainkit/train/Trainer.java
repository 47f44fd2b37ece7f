package org.trainkit.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import org.trainkit.data.FashionMnist;
import org.trainkit.data.LabelledImages;
import org.trainkit.core.Progress;
import org.trainkit.core.Workspace;
import org.trainkit.schedules.Schedule;

/**
 * Trains a small image classifier with DJL (PyTorch engine, CPU) and reports what happened:
 *
 * <pre>{@code
 * TrainingResult r = Trainer.on(FashionMnist.load()).model(Models.mlp(256)).optimizer(Optimizers.adam())
 *         .schedule(s).batchSize(128).epochs(1).seed(42).train();
 * }</pre>
 *
 * <p>The loop: each epoch visits the training set in a fresh random order (drawn from the seed;
 * the last incomplete batch is dropped); step {@code t} uses learning rate {@code schedule.lr(t)}
 * through {@link ScheduleTracker}; the objective is the mean cross-entropy of the batch, or the
 * mean of weighted per-sample losses when a {@link SampleWeighting} is set. Every step is logged
 * (see {@link TrainingResult#log()}) and the log is written as CSV to
 * {@code <results>/runs/<name>.csv} (see {@link Workspace#results()}) unless {@link #logCsv(Path)}
 * says otherwise. After training, the model is evaluated on the test split.
 *
 * <p>Runs are deterministic for a given seed: the seed fixes PyTorch's generator (parameter
 * initialisation) and the shuffling, and the same settings give bit-identical losses.
 *
 * <p>The run length is {@link #steps(int)}, else {@link #epochs(int)} full passes, else the
 * schedule's length; the schedule must cover it. Defaults: Adam, batch 128, seed 42.
 */
public final class Trainer {

    /** Images per forward pass when evaluating on the test split. */
    static final int EVAL_BATCH = 1000;

    private final LabelledImages train;
    private final LabelledImages test;
    private Architecture architecture;
    private OptimizerSpec optimizer = Optimizers.adam();
    private Schedule schedule;
    private SampleWeighting weighting;
    private int batchSize = 128;
    private Integer epochs;
    private Integer steps;
    private long seed = 42;
    private String name;
    private Path logCsv;
    private boolean progress = true;

    private Trainer(LabelledImages train, LabelledImages test) {
        if (train.classes() != test.classes() || train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new IllegalArgumentException("train set " + train + " and test set " + test + " do not match");
        }
        this.train = train;
        this.test = test;
    }

    /** A trainer on Fashion-MNIST's training split, evaluated on its test split. */
    public static Trainer on(FashionMnist data) {
        return new Trainer(data.train(), data.test());
    }

    /** A trainer on {@code train}, evaluated on {@code test}. */
    public static Trainer on(LabelledImages train, LabelledImages test) {
        return new Trainer(Objects.requireNonNull(train, "train"), Objects.requireNonNull(test, "test"));
    }

    /** The network to train (required), e.g. {@code Models.mlp(256)}. */
    public Trainer model(Architecture architecture) {
        this.architecture = Objects.requireNonNull(architecture, "architecture");
        return this;
    }

    /** The optimizer (default {@link Optimizers#adam()}). */
    public Trainer optimizer(OptimizerSpec optimizer) {
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        return this;
    }

    /** The learning rate at each step (required). */
    public Trainer schedule(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        return this;
    }

    /** A per-sample weighting hook (default none: every sample weighs 1). */
    public Trainer weighting(SampleWeighting weighting) {
        this.weighting = Objects.requireNonNull(weighting, "weighting");
        return this;
    }

    /** Samples per step (default 128). */
    public Trainer batchSize(int batchSize) {
        if (batchSize < 1 || batchSize > train.size()) {
            throw new IllegalArgumentException("batch size must be in 1.." + train.size() + ", got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /** Trains for this many full passes over the training set (exclusive with {@link #steps}). */
    public Trainer epochs(int epochs) {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        this.epochs = epochs;
        return this;
    }

    /** Trains for exactly this many optimizer steps (exclusive with {@link #epochs}). */
    public Trainer steps(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.steps = steps;
        return this;
    }

    /** The seed of parameter initialisation and shuffling (default 42). */
    public Trainer seed(long seed) {
        this.seed = seed;
        return this;
    }

    /**
     * The run's name, used as the CSV file's base name (letters, digits, '.', '_', '-'); default
     * from the model, optimizer, batch size and seed.
     */
    public Trainer name(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("run name '" + name
                    + "' must be a plain file name (letters, digits, '.', '_', '-')");
        }
        this.name = name;
        return this;
    }

    /** Writes the per-step log to {@code file} instead of {@code <results>/runs/<name>.csv}. */
    public Trainer logCsv(Path file) {
        this.logCsv = Objects.requireNonNull(file, "file");
        return this;
    }

    /** Whether to show a progress bar (default true). */
    public Trainer progress(boolean show) {
        this.progress = show;
        return this;
    }

    /** Trains, evaluates on the test split and writes the log. */
    public TrainingResult train() {
        if (architecture == null) {
            throw new IllegalStateException("no model: set one with model(Models.mlp(256)) or model(Models.cnn())");
        }
        if (schedule == null) {
            throw new IllegalStateException("no learning-rate schedule: set one with schedule(...)");
        }
        if (epochs != null && steps != null) {
            throw new IllegalStateException("set either epochs(" + epochs + ") or steps(" + steps + "), not both");
        }
        int perEpoch = train.size() / batchSize;
        int total = steps != null ? steps : epochs != null ? Math.multiplyExact(epochs, perEpoch) : schedule.totalSteps();
        if (total < 1) {
            throw new IllegalStateException("the schedule covers " + schedule.totalSteps() + " steps; nothing to train");
        }
        if (schedule.totalSteps() < total) {
            throw new IllegalStateException("the schedule covers " + schedule.totalSteps() + " steps but the run has "
                    + total + (epochs != null ? " (" + epochs + " epoch(s) of " + perEpoch + " batches of " + batchSize + ")" : ""));
        }
        String runName = name != null ? name : defaultName();
        Path csv = logCsv != null ? logCsv : Workspace.current().results().resolve("runs").resolve(runName + ".csv");

        Engine engine = DjlRuntime.pytorch();
        engine.setRandomSeed((int) seed ^ (int) (seed >>> 32));
        TrainingLog log = new TrainingLog();
        try (Model model = Model.newInstance(runName, Device.cpu(), DjlRuntime.ENGINE);
                NDManager manager = model.getNDManager().newSubManager()) {
            Block block = architecture.newBlock(train.classes());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32,
                    architecture.inputShape(batchSize, train.rows(), train.cols()));
            ParameterStore parameters = new ParameterStore(manager, false);
            parameters.setParameterServer(engine.newParameterServer(optimizer.build(new ScheduleTracker(schedule))),
                    new Device[] {Device.cpu()});
            double seconds = loop(engine, block, parameters, manager, total, perEpoch, log, runName);
            double[] evaluation = evaluate(block, parameters, manager);
            log.writeCsv(csv, runName);
            return new TrainingResult(runName, log.table(runName), csv, evaluation[0], evaluation[1], total,
                    batchSize, countParameters(block), seconds);
        }
    }

    /**
     * The training loop. It drives DJL's parameter store directly rather than DJL's own
     * {@code Trainer}, whose first step refuses all-zero gradients: a legitimate state here (a
     * weighting hook may give every sample weight 0, as Feasible Learning does at its start).
     */
    private double loop(Engine engine, Block block, ParameterStore parameters, NDManager manager, int total,
            int perEpoch, TrainingLog log, String runName) {
        int pixels = train.pixelsPerImage();
        int classes = train.classes();
        Shape inputShape = architecture.inputShape(batchSize, train.rows(), train.cols());
        SplittableRandom shuffler = new SplittableRandom(seed);
        int[] order = new int[train.size()];
        int[] batch = new int[batchSize];
        int[] labels = new int[batchSize];
        long[] labelsLong = new long[batchSize];
        float[] pixelsBuffer = new float[batchSize * pixels];
        Progress bar = progress ? Progress.start("training " + runName, total) : Progress.silent();
        long start = System.nanoTime();
        try {
            for (int step = 0; step < total; step++) {
                int position = step % perEpoch;
                if (position == 0) {
                    shuffle(order, shuffler);
                }
                System.arraycopy(order, position * batchSize, batch, 0, batchSize);
                for (int i = 0; i < batchSize; i++) {
                    labels[i] = train.label(batch[i]);
                    labelsLong[i] = labels[i];
                }
                train.copyImages(batch, pixelsBuffer, 0);
                double loss;
                double gradNorm;
                try (NDManager scope = manager.newSubManager()) {
                    NDArray x = scope.create(pixelsBuffer, inputShape);
                    NDArray oneHot = scope.create(labelsLong).oneHot(classes);
                    try (GradientCollector collector = engine.newGradientCollector()) {
                        NDArray logits = block.forward(parameters, new NDList(x), true).singletonOrThrow();
                        NDArray perSample = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
                        float[] losses = perSample.toFloatArray();
                        loss = mean(losses);
                        NDArray objective = weighting == null ? perSample.mean()
                                : perSample.mul(scope.create(weights(step, batch, labels, losses))).mean();
                        collector.backward(objective);
                    }
                    gradNorm = gradientNorm(block, scope);
                    parameters.updateAllParameters();
                }
                double lr = schedule.lr(step);
                log.add(step, lr, loss, gradNorm);
                bar.advance(String.format(Locale.ROOT, "loss %.4f, lr %.3g", loss, lr));
            }
        } finally {
            bar.close();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private float[] weights(int step, int[] batch, int[] labels, float[] losses) {
        double[] weights = weighting.weights(new SampleLosses(step, batch.clone(), labels.clone(), losses.clone()));
        if (weights == null || weights.length != losses.length) {
            throw new IllegalStateException("the sample weighting returned " + (weights == null ? "null" : weights.length
                    + " weights") + " at step " + step + "; expected " + losses.length + " (one per sample)");
        }
        float[] result = new float[weights.length];
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalStateException("the sample weighting gave weight " + weights[i] + " to sample " + i
                        + " at step " + step + "; expected a finite value >= 0");
            }
            result[i] = (float) weights[i];
        }
        return result;
    }

    /** Global L2 norm of all parameter gradients; temporaries live in {@code scope}. */
    private static double gradientNorm(Block block, NDManager scope) {
        double sumOfSquares = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            NDArray gradient = parameter.getValue().getArray().getGradient();
            gradient.attach(scope);
            sumOfSquares += gradient.square().sum().getFloat();
        }
        return Math.sqrt(sumOfSquares);
    }

    /** Test-split mean cross-entropy and accuracy. */
    private double[] evaluate(Block block, ParameterStore parameters, NDManager manager) {
        int classes = test.classes();
        double lossSum = 0;
        long correct = 0;
        float[] buffer = new float[EVAL_BATCH * test.pixelsPerImage()];
        for (int from = 0; from < test.size(); from += EVAL_BATCH) {
            int count = Math.min(EVAL_BATCH, test.size() - from);
            int[] indices = new int[count];
            for (int i = 0; i < count; i++) {
                indices[i] = from + i;
            }
            test.copyImages(indices, buffer, 0);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x = scope.create(Arrays.copyOf(buffer, count * test.pixelsPerImage()),
                        architecture.inputShape(count, test.rows(), test.cols()));
                float[] logProbabilities = block.forward(parameters, new NDList(x), false).singletonOrThrow()
                        .logSoftmax(1).toFloatArray();
                for (int i = 0; i < count; i++) {
                    int label = test.label(from + i);
                    lossSum -= logProbabilities[i * classes + label];
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        if (logProbabilities[i * classes + c] > logProbabilities[i * classes + best]) {
                            best = c;
                        }
                    }
                    if (best == label) {
                        correct++;
                    }
                }
            }
        }
        return new double[] {lossSum / test.size(), (double) correct / test.size()};
    }

    private static long countParameters(Block block) {
        long count = 0;
        for (Pair<String, Parameter> parameter : block.getParameters()) {
            count += parameter.getValue().getArray().getShape().size();
        }
        return count;
    }

    /**
     * Fisher-Yates shuffle of {@code 0 .. order.length - 1} (Knuth, TAOCP vol. 2, algorithm P).
     * Written here because {@code Collections.shuffle} works on boxed lists only.
     */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    private static double mean(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private String defaultName() {
        String optimizerName = optimizer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        String model = architecture.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        return model + "-" + optimizerName + "-bs" + batchSize + "-seed" + seed;
    }
}
