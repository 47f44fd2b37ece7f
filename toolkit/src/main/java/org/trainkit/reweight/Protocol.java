package org.trainkit.reweight;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trainkit.core.Progress;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;
import org.trainkit.train.Architecture;
import org.trainkit.train.Evaluator;
import org.trainkit.train.OptimizerSpec;
import org.trainkit.train.StepListener;
import org.trainkit.train.Trainer;
import org.trainkit.train.TrainingResult;

/**
 * One training protocol shared by every method of a comparison, so that runs differ only in the
 * strategy and the seed: the model, the optimizer at a constant learning rate (so that methods
 * that train fewer steps are not also given a different schedule), the batch size and the number
 * of epochs. Per-step logs go to a temporary directory, not to the results.
 *
 * @param model the architecture
 * @param optimizer the optimizer
 * @param lr the constant learning rate, &gt; 0
 * @param batchSize samples per step
 * @param epochs epochs per run
 */
public record Protocol(Architecture model, OptimizerSpec optimizer, double lr, int batchSize, int epochs) {

    /** Checks the settings. */
    public Protocol {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(optimizer, "optimizer");
        if (!(lr > 0) || batchSize < 1 || epochs < 1) {
            throw new IllegalArgumentException("a protocol needs lr > 0, batchSize >= 1, epochs >= 1; got " + lr + ", "
                    + batchSize + ", " + epochs);
        }
    }

    /** Trains one run of {@code strategy} on {@code train} and evaluates it on {@code eval}. */
    public TrainingResult train(LabelledImages train, LabelledImages eval, Strategy strategy, long seed,
            StepListener... listeners) {
        // long enough for samplers whose epochs end in a partial batch (PDD); the rate is constant
        int steps = epochs * ((train.size() + batchSize - 1) / batchSize);
        Trainer trainer = Trainer.on(train, eval).model(model).optimizer(optimizer)
                .schedule(Schedules.parse("constant(peak=" + org.trainkit.schedules.Numbers.format(lr) + ", total="
                        + steps + ")"))
                .batchSize(batchSize).epochs(epochs).seed(seed).progress(false).name(strategy.name() + "-seed" + seed)
                .logCsv(LOGS.resolve(strategy.name() + "-seed" + seed + ".csv"));
        if (strategy instanceof Reweighting reweighting) {
            reweighting.applyTo(trainer, train);
        } else if (strategy instanceof Selection selection) {
            selection.applyTo(trainer);
        } else {
            throw new IllegalArgumentException(strategy.spec() + " is neither a per-sample weighting nor a batch "
                    + "selection; it does not train a model");
        }
        for (StepListener listener : listeners) {
            trainer.listener(listener);
        }
        return trainer.train();
    }

    /** One run measured: {@link RunMetrics} on {@code test} and on the training set. */
    public RunMetrics measure(LabelledImages train, LabelledImages test, Strategy strategy, long seed,
            StepListener... listeners) {
        TrainingResult result = train(train, test, strategy, seed, listeners);
        return RunMetrics.of(result, train, Evaluator.of(model).evaluate(result.parameters(), train));
    }

    /**
     * Runs of seeds {@code 0 .. seeds-1}, each advancing {@code progress} by one; the
     * {@code seedZeroListeners} (for instance a {@link WeightTrace}) watch the run of seed 0.
     */
    public List<RunMetrics> seeds(LabelledImages train, LabelledImages test, Strategy strategy, int seeds,
            Progress progress, StepListener... seedZeroListeners) {
        List<RunMetrics> runs = new ArrayList<>();
        for (int seed = 0; seed < seeds; seed++) {
            runs.add(seed == 0 ? measure(train, test, strategy, seed, seedZeroListeners)
                    : measure(train, test, strategy, seed));
            progress.advance(strategy.name() + " seed " + seed);
        }
        return runs;
    }

    private static final Path LOGS = temporaryLogs();

    private static Path temporaryLogs() {
        try {
            Path dir = Files.createTempDirectory("trainkit-reweight-logs");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for run logs", e);
        }
    }
}
