package org.trainkit.train;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.trainkit.data.LabelledImages;

/**
 * The default {@link BatchSampler}: each epoch a fresh Fisher-Yates shuffle of the whole training
 * set (Knuth, TAOCP vol. 2, algorithm P) from a generator seeded with the run's seed, cut into
 * full batches; the last incomplete batch is dropped.
 */
record ShuffledSampler() implements BatchSampler {

    @Override
    public Sampling start(LabelledImages train, int batchSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[train.size()];
        int batches = train.size() / batchSize;
        return request -> {
            if (request.batchInEpoch() == batches) {
                return new int[0];
            }
            if (request.startsEpoch()) {
                shuffle(order, random);
            }
            int[] batch = new int[batchSize];
            System.arraycopy(order, request.batchInEpoch() * batchSize, batch, 0, batchSize);
            return batch;
        };
    }

    @Override
    public OptionalInt batchesPerEpoch(int samples, int batchSize) {
        return OptionalInt.of(samples / batchSize);
    }

    /** Written here because {@code Collections.shuffle} works on boxed lists only. */
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

    @Override
    public String toString() {
        return "shuffled";
    }
}
