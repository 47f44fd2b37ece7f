package org.trainkit.reweight;

import java.util.Random;
import org.trainkit.core.Stats;
import org.trainkit.train.SampleLosses;

/**
 * The time a strategy's checked weight computation takes per batch, measured on 200 random
 * batches of losses (uniform in [0, 3), random ids among 60,000 and labels among the classes)
 * after a warm-up, as the median of 20 rounds: the cost the strategy adds to a training step on
 * top of the one extra tensor multiply of the weighted objective.
 */
public final class WeightCost {

    private static final int BATCHES = 200;
    private static final int ROUNDS = 20;
    private static final int WARMUP_ROUNDS = 5;

    private WeightCost() {
    }

    /** Median microseconds per batch of {@code batchSize} for {@code strategy} on a training set with these class counts. */
    public static double microsPerBatch(Reweighting strategy, int[] classCounts, int batchSize) {
        Random random = new Random(1);
        SampleLosses[] batches = new SampleLosses[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            float[] losses = new float[batchSize];
            int[] ids = new int[batchSize];
            int[] labels = new int[batchSize];
            for (int i = 0; i < batchSize; i++) {
                losses[i] = (float) (3 * random.nextDouble());
                ids[i] = random.nextInt(60000);
                labels[i] = random.nextInt(classCounts.length);
            }
            batches[b] = new SampleLosses(1000 + b, ids.clone(), ids, labels, losses);
        }
        Weigher weigher = strategy.weigher(classCounts);
        double[] times = new double[ROUNDS];
        double checksum = 0;
        for (int round = 0; round < ROUNDS + WARMUP_ROUNDS; round++) {
            long start = System.nanoTime();
            for (SampleLosses batch : batches) {
                checksum += weigher.weights(batch)[0];
            }
            if (round >= WARMUP_ROUNDS) {
                times[round - WARMUP_ROUNDS] = (System.nanoTime() - start) / 1e3 / BATCHES;
            }
        }
        if (Double.isNaN(checksum)) {
            // uses the result so the JIT cannot drop the work; the weights were checked, so never NaN
            throw new AssertionError("NaN weights passed the checks");
        }
        return Stats.quantile(times, 0.5);
    }
}
