package org.trainkit.reweight;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.SpecText;
import org.trainkit.train.BatchRequest;
import org.trainkit.train.SampleLosses;

/**
 * Progressive Data Dropout ("Progressive data dropout: an embarrassingly simple approach to
 * faster training", 2025): the first epoch trains on every sample; each later epoch
 * before {@code revision} trains only on the samples not yet learned, those whose loss when last
 * trained on was at least {@code threshold}; from epoch {@code revision} on, every sample again
 * (the revision). An epoch with fewer than one batch of unlearned samples trains on the hardest
 * batch's worth. Batches are full except an epoch's last. Text form:
 * {@code pdd(threshold=0.3, revision=4)}.
 *
 * @param threshold the loss below which a sample counts as learned, &gt; 0
 * @param revision the 0-based epoch from which all samples are used again, &gt;= 1
 */
public record ProgressiveDropout(double threshold, int revision) implements Selection {

    /** The name in the text form. */
    public static final String NAME = "pdd";

    /** Checks the settings. */
    public ProgressiveDropout {
        Require.positive(NAME, "threshold", threshold);
        Require.positive(NAME, "revision", revision);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("threshold", threshold).steps("revision", revision).toString();
    }

    @Override
    public Sampling start(LabelledImages train, int batchSize, long seed) {
        return new Run(train.size(), batchSize, new SplittableRandom(seed));
    }

    @Override
    public String toString() {
        return spec();
    }

    private final class Run implements Sampling {
        private final int batchSize;
        private final SplittableRandom random;
        private final float[] lastLoss;
        private int[] epochOrder;

        Run(int size, int batchSize, SplittableRandom random) {
            this.batchSize = batchSize;
            this.random = random;
            this.lastLoss = new float[size];
            Arrays.fill(lastLoss, Float.POSITIVE_INFINITY);
        }

        @Override
        public int[] nextBatch(BatchRequest request) {
            if (request.startsEpoch()) {
                epochOrder = Orders.shuffle(request.epoch() >= revision ? everything() : unlearned(), random);
            }
            int from = request.batchInEpoch() * batchSize;
            if (from >= epochOrder.length) {
                return new int[0];
            }
            return Arrays.copyOfRange(epochOrder, from, Math.min(epochOrder.length, from + batchSize));
        }

        @Override
        public void observe(SampleLosses trained) {
            int[] indices = trained.indices();
            float[] losses = trained.losses();
            for (int i = 0; i < indices.length; i++) {
                lastLoss[indices[i]] = losses[i];
            }
        }

        private int[] everything() {
            int[] all = new int[lastLoss.length];
            Arrays.setAll(all, i -> i);
            return all;
        }

        private int[] unlearned() {
            int[] keep = IntStream.range(0, lastLoss.length).filter(i -> lastLoss[i] >= threshold).toArray();
            if (keep.length >= Math.min(batchSize, lastLoss.length)) {
                return keep;
            }
            Integer[] byLoss = IntStream.range(0, lastLoss.length).boxed().toArray(Integer[]::new);
            Arrays.sort(byLoss, (a, b) -> Float.compare(lastLoss[b], lastLoss[a]));
            return Arrays.stream(byLoss, 0, Math.min(batchSize, lastLoss.length)).mapToInt(Integer::intValue).toArray();
        }
    }
}
