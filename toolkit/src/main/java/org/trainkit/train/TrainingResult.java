package org.trainkit.train;

import java.nio.file.Path;
import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * What a {@link Trainer} run produced: the per-step log (also written as CSV), the test-split
 * loss and accuracy after training, and how long the training loop took.
 *
 * @param name the run's name (also the CSV file's base name)
 * @param log the per-step log: step, lr, loss, grad_norm
 * @param logCsv where the log was written
 * @param testLoss mean cross-entropy over the test split
 * @param testAccuracy fraction of test images classified correctly
 * @param steps optimizer steps taken
 * @param batchSize samples per step
 * @param parameters number of trained parameters (scalars)
 * @param trainSeconds wall time of the training loop (excludes loading, setup and evaluation)
 */
public record TrainingResult(String name, Table log, Path logCsv, double testLoss, double testAccuracy, int steps,
        int batchSize, long parameters, double trainSeconds) {

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

    /** One paragraph summarising the run. */
    public String summary() {
        return String.format(Locale.ROOT,
                "%s: %d steps of batch %d (%,d parameters) in %.1f s, %.1f steps/s; "
                        + "final train loss %.4f (mean of last 20 steps); test loss %.4f, test accuracy %.4f; log %s",
                name, steps, batchSize, parameters, trainSeconds, stepsPerSecond(), finalTrainLoss(20), testLoss,
                testAccuracy, logCsv);
    }

    @Override
    public String toString() {
        return summary();
    }
}
