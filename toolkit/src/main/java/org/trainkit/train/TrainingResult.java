package org.trainkit.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.trainkit.checkpoint.ParameterSet;
import tech.tablesaw.api.Table;

/**
 * What a {@link Trainer} run produced: its settings, the per-step log (also written as CSV), the
 * trained parameters, the evaluation on the test split after training, and how much work the
 * training loop did in how long.
 *
 * @param settings everything that defines the run
 * @param log the per-step log: step, lr, loss, grad_norm
 * @param logCsv where the log was written (the settings are beside it, as {@code .json})
 * @param testEvaluation the trained parameters evaluated on the test split
 * @param parameters the trained parameters
 * @param steps optimizer steps taken
 * @param samplesProcessed samples trained on, over all steps (repeats counted)
 * @param trainSeconds wall time of the training loop (excludes loading, setup and evaluation)
 */
public record TrainingResult(RunSettings settings, Table log, Path logCsv, ModelEvaluation testEvaluation,
        ParameterSet parameters, int steps, long samplesProcessed, double trainSeconds) {

    /** Checks the fields. */
    public TrainingResult {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(logCsv, "logCsv");
        Objects.requireNonNull(testEvaluation, "testEvaluation");
        Objects.requireNonNull(parameters, "parameters");
    }

    /** The file beside the log that holds the run's settings ({@link RunSettings#canonicalText()}). */
    public Path settingsFile() {
        return Trainer.settingsFile(logCsv);
    }

    /** The run's name. */
    public String name() {
        return settings.name();
    }

    /** The largest number of samples per step. */
    public int batchSize() {
        return settings.batchSize();
    }

    /** Mean cross-entropy over the test split. */
    public double testLoss() {
        return testEvaluation.meanLoss();
    }

    /** Fraction of test images classified correctly. */
    public double testAccuracy() {
        return testEvaluation.accuracy();
    }

    /** The number of trained parameters (scalars). */
    public long parameterCount() {
        return parameters.parameterCount();
    }

    /** Training throughput: optimizer steps per second of the training loop. */
    public double stepsPerSecond() {
        return steps / trainSeconds;
    }

    /** The mean training loss over the last {@code window} logged steps (fewer if the run is shorter). */
    public double finalTrainLoss(int window) {
        int rows = log.rowCount();
        int from = Math.max(0, rows - Math.max(1, window));
        double sum = 0;
        for (int r = from; r < rows; r++) {
            sum += log.doubleColumn("loss").getDouble(r);
        }
        return sum / (rows - from);
    }

    /** One paragraph summarising the run, starting with its name and settings hash. */
    public String summary() {
        return String.format(Locale.ROOT,
                "%s [settings %s]: %d steps of batch %d (%,d samples, %,d parameters) in %.1f s, %.1f steps/s; "
                        + "final train loss %.4f (mean of last 20 steps); test loss %.4f, test accuracy %.4f "
                        + "(worst class %.4f); log %s",
                name(), settings.hash(), steps, batchSize(), samplesProcessed, parameterCount(), trainSeconds,
                stepsPerSecond(), finalTrainLoss(20), testLoss(), testAccuracy(), testEvaluation.worstClassAccuracy(),
                logCsv);
    }

    @Override
    public String toString() {
        return summary();
    }
}
