package org.trainkit.reweight;

import java.nio.file.Path;
import java.util.Locale;
import org.trainkit.core.Stats;
import org.trainkit.data.FashionMnist;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.Schedules;
import org.trainkit.train.Models;
import org.trainkit.train.Optimizers;
import org.trainkit.train.Trainer;
import org.trainkit.train.TrainingResult;

/**
 * The overhead of computing sample weights in a harness training step: the MLP 784-256-10 at
 * batch 128 on Fashion-MNIST (Adam, constant 1e-3, 200 steps per run). Two measures per strategy:
 * (1) the weight computation alone ({@link WeightCost}, microseconds per batch of 128) as a share
 * of the median plain step; (2) whole runs with and without the
 * strategy, interleaved, repeated, medians of steps/s, which includes the extra tensor multiply of
 * the weighted objective but is noisy on a shared machine; (3) the weighted objective's own tensor
 * work (the weights as an array, the multiply, its backward) against the plain mean, timed on its
 * own, which the run comparison cannot resolve under load. A benchmark, not a test: run it with
 * {@code java -cp "toolkit/target/classes:toolkit/target/test-classes:toolkit/target/lib/*"
 * org.trainkit.reweight.ReweightBenchmark [repeats]}.
 */
public final class ReweightBenchmark {

    private static final int STEPS = 200;
    private static final String[] STRATEGIES = {"linupper(r=1, warmup=0)", "focal(gamma=2)",
        "feasible(eps=0.51, dual_lr=0.5, slack=0)", "class_balanced(beta=0.9999)",
        "ldam_drw(max_margin=0.5, scale=1, beta=0.9999, defer=100)"};

    private ReweightBenchmark() {
    }

    /** Runs the benchmark; the argument is the number of interleaved repeats (default 5). */
    public static void main(String[] args) {
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        FashionMnist data = FashionMnist.load();
        LabelledImages train = data.train().head(STEPS * 128);
        LabelledImages test = data.test().head(1000);
        double[] plain = new double[repeats];
        double[][] weighted = new double[STRATEGIES.length][repeats];
        run(train, test, null);
        for (int k = 0; k < repeats; k++) {
            plain[k] = run(train, test, null);
            for (int s = 0; s < STRATEGIES.length; s++) {
                weighted[s][k] = run(train, test, Strategies.reweighting(STRATEGIES[s]));
            }
        }
        double plainRate = Stats.quantile(plain, 0.5);
        double stepMicros = 1e6 / plainRate;
        System.out.printf(Locale.ROOT, "plain step: %.1f steps/s median of %d runs of %d steps (%.0f us per step)%n",
                plainRate, repeats, STEPS, stepMicros);
        double objective = objectiveMicros();
        System.out.printf(Locale.ROOT, "weighted objective's extra tensor work: %.1f us per step (%.2f%% of a step)%n", objective,
                100 * objective / stepMicros);
        System.out.printf(Locale.ROOT, "%-58s %12s %10s %14s%n", "strategy", "weights us", "share", "run overhead");
        for (int s = 0; s < STRATEGIES.length; s++) {
            double micros = WeightCost.microsPerBatch(Strategies.reweighting(STRATEGIES[s]), train.classCounts(), 128);
            double rate = Stats.quantile(weighted[s], 0.5);
            System.out.printf(Locale.ROOT, "%-58s %12.2f %9.2f%% %13.1f%%%n", STRATEGIES[s], micros,
                    100 * micros / stepMicros, 100 * (plainRate / rate - 1));
        }
    }

    /** Median microseconds that weighting adds to the objective's tensor work (create, multiply, backward) at batch 128. */
    private static double objectiveMicros() {
        ai.djl.engine.Engine engine = org.trainkit.train.DjlRuntime.pytorch();
        double[] extra = new double[15];
        float[] w = new float[128];
        java.util.Arrays.fill(w, 1.5f);
        try (ai.djl.ndarray.NDManager manager = engine.newBaseManager()) {
            ai.djl.ndarray.NDArray losses = manager.randomUniform(0, 3, new ai.djl.ndarray.types.Shape(128));
            losses.setRequiresGradient(true);
            for (int round = 0; round < extra.length + 5; round++) {
                long plain = 0;
                long weighted = 0;
                for (int rep = 0; rep < 400; rep++) {
                    long t0 = System.nanoTime();
                    try (ai.djl.ndarray.NDManager scope = manager.newSubManager();
                            ai.djl.training.GradientCollector collector = engine.newGradientCollector()) {
                        collector.backward(losses.mean());
                    }
                    long t1 = System.nanoTime();
                    try (ai.djl.ndarray.NDManager scope = manager.newSubManager();
                            ai.djl.training.GradientCollector collector = engine.newGradientCollector()) {
                        collector.backward(losses.mul(scope.create(w)).mean());
                    }
                    long t2 = System.nanoTime();
                    plain += t1 - t0;
                    weighted += t2 - t1;
                }
                if (round >= 5) {
                    extra[round - 5] = (weighted - plain) / 1e3 / 400;
                }
            }
        }
        return Stats.quantile(extra, 0.5);
    }

    private static double run(LabelledImages train, LabelledImages test, Reweighting strategy) {
        Trainer trainer = Trainer.on(train, test).model(Models.mlp(256)).optimizer(Optimizers.adam())
                .schedule(Schedules.parse("constant(peak=1e-3, total=" + STEPS + ")")).batchSize(128).epochs(1).seed(1)
                .progress(false).logCsv(Path.of(System.getProperty("java.io.tmpdir"), "trainkit-reweight-benchmark.csv"));
        if (strategy != null) {
            strategy.applyTo(trainer, train);
        }
        TrainingResult result = trainer.train();
        return result.stepsPerSecond();
    }
}
