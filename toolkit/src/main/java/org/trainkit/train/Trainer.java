package org.trainkit.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.core.AtomicFiles;
import org.trainkit.core.Workspace;
import org.trainkit.data.FashionMnist;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedule;

/**
 * Trains a small image classifier with DJL (PyTorch engine, CPU) and reports what happened:
 *
 * <pre>{@code
 * TrainingResult r = Trainer.on(FashionMnist.load()).model(Models.mlp(256)).optimizer(Optimizers.adam())
 *         .schedule(s).batchSize(128).epochs(1).seed(42).train();
 * }</pre>
 *
 * <p>The loop: a {@link BatchSampler} chooses each step's samples (by default each epoch visits
 * the training set in a fresh random order drawn from the seed, the last incomplete batch
 * dropped); step {@code t} uses learning rate {@code schedule.lr(t)} through
 * {@link ScheduleTracker}; the objective is the mean cross-entropy of the batch, or the mean of
 * weighted per-sample losses when a {@link SampleWeighting} is set; {@link StepListener}s see each
 * step after the update. Every step is logged (see {@link TrainingResult#log()}) and the log is
 * written as CSV to {@code <results>/runs/<name>-<hash>.csv} (see {@link Workspace#results()}, and
 * {@link RunSettings#hash()}: runs that differ in any setting get different files) unless
 * {@link #logCsv(Path)} says otherwise; the run's settings go beside it as {@code .json}. After
 * training, the model is evaluated on the test split.
 *
 * <p>Runs are deterministic for a given seed: the seed fixes PyTorch's generator (parameter
 * initialisation) and the sampler's, and the same settings give bit-identical losses.
 *
 * <p>The run length is {@link #steps(int)}, else {@link #epochs(int)} epochs, else the schedule's
 * length; the schedule must cover it. Defaults: Adam, batch 128, seed 42, random initial
 * parameters, {@link BatchSampler#shuffled()}.
 */
public final class Trainer {

    private final LabelledImages train;
    private final LabelledImages test;
    private Architecture architecture;
    private OptimizerSpec optimizer = Optimizers.adam();
    private Schedule schedule;
    private SampleWeighting weighting;
    private SampleLoss loss;
    private BatchSampler sampler = BatchSampler.shuffled();
    private ParameterSet initialParameters;
    private final List<StepListener> listeners = new ArrayList<>();
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

    /**
     * A per-sample weighting hook (default none: every sample weighs 1). Its {@code toString()}
     * describes it in the run's settings and so in the log's file name: records print their
     * fields, while all lambdas of one class read the same, so give hooks that differ a
     * {@code toString()} (or the runs different names).
     */
    public Trainer weighting(SampleWeighting weighting) {
        this.weighting = Objects.requireNonNull(weighting, "weighting");
        return this;
    }

    /**
     * The per-sample loss the steps optimise (default cross-entropy), for losses that act on the
     * logits such as LDAM margins; the log's loss column then holds this loss. Described in the run's settings by its {@code toString()}, as
     * for {@link #weighting}, appended to the weighting's description ({@code "<weighting>; loss
     * <loss>"}) so that runs without one keep their settings and log names.
     */
    public Trainer loss(SampleLoss loss) {
        this.loss = Objects.requireNonNull(loss, "loss");
        return this;
    }

    /**
     * Which samples each step sees (default {@link BatchSampler#shuffled()}); described in the
     * settings by its {@code toString()}, as for {@link #weighting}.
     */
    public Trainer sampler(BatchSampler sampler) {
        this.sampler = Objects.requireNonNull(sampler, "sampler");
        return this;
    }

    /**
     * Starts from these parameters instead of a random initialisation; the run checks, before
     * training, that they have exactly the model's tensor names and shapes.
     */
    public Trainer initialParameters(ParameterSet parameters) {
        this.initialParameters = Objects.requireNonNull(parameters, "parameters");
        return this;
    }

    /** Adds a listener called after every optimizer step (several may be added; called in order). */
    public Trainer listener(StepListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** The largest number of samples per step (default 128); the default sampler uses exactly this many. */
    public Trainer batchSize(int batchSize) {
        if (batchSize < 1 || batchSize > train.size()) {
            throw new IllegalArgumentException("batch size must be in 1.." + train.size() + ", got " + batchSize);
        }
        this.batchSize = batchSize;
        return this;
    }

    /**
     * Trains for this many epochs (exclusive with {@link #steps}): full passes over the training
     * set with the default sampler, however long the sampler makes them otherwise.
     */
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
     * The run's name, the start of its log file's name (letters, digits, '.', '_', '-'); default
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

    /**
     * Writes the per-step log to {@code file} instead of {@code <results>/runs/<name>-<hash>.csv};
     * the settings go beside it, with the extension {@code .json} in place of {@code .csv}.
     */
    public Trainer logCsv(Path file) {
        this.logCsv = Objects.requireNonNull(file, "file");
        return this;
    }

    /** Whether to show a progress bar (default true). */
    public Trainer progress(boolean show) {
        this.progress = show;
        return this;
    }

    /**
     * Trains, evaluates on the test split and writes the log and the settings.
     *
     * @throws IllegalStateException when a setting is missing or inconsistent, or a hook misbehaves
     * @throws IllegalArgumentException naming the tensor when the initial parameters do not fit the model
     */
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
        OptionalInt perEpoch = sampler.batchesPerEpoch(train.size(), batchSize);
        int total = steps != null ? steps
                : epochs != null && perEpoch.isPresent() ? Math.multiplyExact(epochs, perEpoch.getAsInt())
                : schedule.totalSteps();
        if (total < 1) {
            throw new IllegalStateException("the schedule covers " + schedule.totalSteps() + " steps; nothing to train");
        }
        if (schedule.totalSteps() < total) {
            throw new IllegalStateException("the schedule covers " + schedule.totalSteps() + " steps but the run has "
                    + total + (epochs != null ? " (" + epochs + " epoch(s) of " + perEpoch.getAsInt() + " batches of "
                    + batchSize + ")" : ""));
        }
        RunSettings settings = settings(name != null ? name : defaultName(), total);
        Path csv = logCsv != null ? logCsv
                : Workspace.current().results().resolve("runs").resolve(settings.name() + "-" + settings.hash() + ".csv");

        Engine engine = DjlRuntime.pytorch();
        engine.setRandomSeed((int) seed ^ (int) (seed >>> 32));
        TrainingLog log = new TrainingLog();
        try (Model model = Model.newInstance(settings.name(), Device.cpu(), DjlRuntime.ENGINE);
                NDManager manager = model.getNDManager().newSubManager()) {
            Block block = architecture.newBlock(train.classes());
            model.setBlock(block);
            block.initialize(model.getNDManager(), DataType.FLOAT32,
                    architecture.inputShape(batchSize, train.rows(), train.cols()));
            if (initialParameters != null) {
                BlockParameters.write(block, initialParameters, "the initial parameters", architecture.name());
            }
            ParameterStore parameters = new ParameterStore(manager, false);
            parameters.setParameterServer(engine.newParameterServer(optimizer.build(new ScheduleTracker(schedule))),
                    new Device[] {Device.cpu()});
            TrainingLoop.Outcome outcome = new TrainingLoop(train, architecture, schedule, weighting, loss, sampler, listeners,
                    settings, progress).run(engine, block, parameters, manager, log);
            ModelEvaluation evaluation = new BlockScorer(architecture, block, parameters, manager).evaluate(test);
            ParameterSet trained = BlockParameters.read(block);
            Map<Path, AtomicFiles.Writer> files = new LinkedHashMap<>();
            files.put(csv, log.csv(settings.name()));
            files.put(settingsFile(csv), tmp -> Files.writeString(tmp, settings.canonicalText(), StandardCharsets.UTF_8));
            AtomicFiles.writeAll(files);
            return new TrainingResult(settings, log.table(settings.name()), csv, evaluation, trained, outcome.steps(),
                    outcome.samples(), outcome.seconds());
        }
    }

    /** Where the settings of a run logged to {@code csv} go: the same name with {@code .json} for {@code .csv}. */
    static Path settingsFile(Path csv) {
        String file = csv.getFileName().toString();
        String base = file.endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        return csv.resolveSibling(base + ".json");
    }

    private RunSettings settings(String runName, int total) {
        return new RunSettings(runName, architecture.name(), optimizer.toString(), schedule.spec(), batchSize, total,
                epochs == null ? 0 : epochs, seed, HookText.describe(sampler),
                (weighting == null ? "none" : HookText.describe(weighting))
                        + (loss == null ? "" : "; loss " + HookText.describe(loss)),
                initialParameters == null ? "random" : HookText.fingerprint(initialParameters),
                train.toString(), test.toString());
    }

    private String defaultName() {
        String optimizerName = optimizer.getClass().getSimpleName().toLowerCase(Locale.ROOT);
        String model = architecture.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        return model + "-" + optimizerName + "-bs" + batchSize + "-seed" + seed;
    }
}
