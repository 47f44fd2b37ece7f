package org.trainkit.reweight;

import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.trainkit.data.LabelledImages;
import org.trainkit.schedules.SpecText;

/**
 * RS2, repeated sampling of random subsets (Okanovic et al., "Repeated random sampling for
 * minimizing the time-to-accuracy of learning", 2023): each epoch trains on a fresh random
 * {@code fraction} of the training set, drawn without replacement within the epoch, in full
 * batches. Text form: {@code rs2(fraction=0.1)}.
 *
 * @param fraction the share of the training set each epoch sees, in {@code (0, 1]}
 */
public record RandomSubsets(double fraction) implements Selection {

    /** The name in the text form. */
    public static final String NAME = "rs2";

    /** Checks the setting. */
    public RandomSubsets {
        Require.leftOpen(NAME, "fraction", fraction, 0, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("fraction", fraction).toString();
    }

    @Override
    public OptionalInt batchesPerEpoch(int samples, int batchSize) {
        return OptionalInt.of(Math.max(1, (int) Math.floor(fraction * samples) / batchSize));
    }

    @Override
    public Sampling start(LabelledImages train, int batchSize, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int batches = batchesPerEpoch(train.size(), batchSize).getAsInt();
        if (batches * batchSize > train.size()) {
            throw new IllegalArgumentException(NAME + ": the training set has " + train.size()
                    + " samples, fewer than one batch of " + batchSize);
        }
        int[][] order = new int[1][];
        return request -> {
            if (request.batchInEpoch() == batches) {
                return new int[0];
            }
            if (request.startsEpoch()) {
                order[0] = Orders.shuffled(train.size(), random);
            }
            int[] batch = new int[batchSize];
            System.arraycopy(order[0], request.batchInEpoch() * batchSize, batch, 0, batchSize);
            return batch;
        };
    }

    @Override
    public String toString() {
        return spec();
    }
}
