package org.trainkit.reweight;

import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.SpecText;

/**
 * Hard-batch training ("Can we learn better with hard samples?", 2023): at the start
 * of each epoch the shuffled training set is cut into mini-batches, each batch is scored by its
 * mean loss under the current parameters (a forward pass over the set, through the request's
 * {@link org.trainkit.train.LossProbe}), and the epoch trains only on the {@code keep} fraction of
 * batches with the highest loss, hardest first. Samples processed counts the trained batches; the
 * scoring pass is one forward pass over the set per epoch on top. Text form:
 * {@code hard_batch(keep=0.5)}.
 *
 * @param keep the share of an epoch's mini-batches trained on, in {@code (0, 1]}
 */
public record HardBatches(double keep) implements Selection {

    /** The name in the text form. */
    public static final String NAME = "hard_batch";

    /** Checks the setting. */
    public HardBatches {
        Require.leftOpen(NAME, "keep", keep, 0, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("keep", keep).toString();
    }

    @Override
    public OptionalInt batchesPerEpoch(int samples, int batchSize) {
        return OptionalInt.of(Math.max(1, (int) Math.ceil(keep * (samples / batchSize))));
    }

    @Override
    public Sampling start(LabelledImages train, int batchSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int all = train.size() / batchSize;
        if (all == 0) {
            throw new IllegalArgumentException(NAME + ": the training set has " + train.size()
                    + " samples, fewer than one batch of " + batchSize);
        }
        int kept = batchesPerEpoch(train.size(), batchSize).getAsInt();
        int[][][] chosen = new int[1][][];
        return request -> {
            if (request.batchInEpoch() == kept) {
                return new int[0];
            }
            if (request.startsEpoch()) {
                int[] order = Orders.shuffled(train.size(), random);
                int[] scored = Arrays.copyOf(order, all * batchSize);
                float[] losses = request.probe().losses(scored);
                Integer[] byLoss = new Integer[all];
                double[] mean = new double[all];
                for (int b = 0; b < all; b++) {
                    byLoss[b] = b;
                    for (int i = 0; i < batchSize; i++) {
                        mean[b] += losses[b * batchSize + i] / (double) batchSize;
                    }
                }
                Arrays.sort(byLoss, Comparator.comparingDouble((Integer b) -> -mean[b]).thenComparingInt(b -> b));
                chosen[0] = new int[kept][];
                for (int k = 0; k < kept; k++) {
                    chosen[0][k] = Arrays.copyOfRange(scored, byLoss[k] * batchSize, (byLoss[k] + 1) * batchSize);
                }
            }
            return chosen[0][request.batchInEpoch()].clone();
        };
    }

    @Override
    public String toString() {
        return spec();
    }
}
