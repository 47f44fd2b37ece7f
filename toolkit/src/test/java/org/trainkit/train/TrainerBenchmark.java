package org.trainkit.train;

import java.nio.file.Path;
import java.util.Locale;
import org.trainkit.data.FashionMnist;
import org.trainkit.schedules.Schedule;

/**
 * Prints training throughput (steps/s) of the harness: one epoch of Fashion-MNIST at batch 128,
 * Adam at a constant 1e-3, for the MLP 784-256-10 and the small CNN. A benchmark, not a test: run
 * it on a quiet machine with
 * {@code java -cp toolkit/target/test-classes:toolkit/target/classes:toolkit/target/lib/* org.trainkit.train.TrainerBenchmark}
 * (add {@code -Dai.djl.pytorch.num_threads=N} to compare PyTorch thread counts).
 */
public final class TrainerBenchmark {

    private TrainerBenchmark() {
    }

    /** Runs the benchmark; an argument "mlp" or "cnn" runs only that model. */
    public static void main(String[] args) {
        FashionMnist data = FashionMnist.load();
        int steps = data.train().size() / 128;
        Schedule constant = new Schedule() {
            @Override
            public double lr(int step) {
                return 1e-3;
            }

            @Override
            public int totalSteps() {
                return steps;
            }
        };
        String only = args.length > 0 ? args[0] : "";
        for (Architecture model : new Architecture[] {Models.mlp(256), Models.cnn()}) {
            if (!only.isEmpty() && !model.name().startsWith(only)) {
                continue;
            }
            TrainingResult result = Trainer.on(data).model(model).schedule(constant).batchSize(128).epochs(1).seed(1)
                    .progress(false).logCsv(Path.of(System.getProperty("java.io.tmpdir"),
                            "trainkit-benchmark-" + model.name().replaceAll("[^a-z0-9]", "") + ".csv"))
                    .train();
            System.out.printf(Locale.ROOT, "%-12s %4d steps  %6.1f steps/s  test accuracy %.4f%n", model.name(),
                    result.steps(), result.stepsPerSecond(), result.testAccuracy());
        }
    }
}
