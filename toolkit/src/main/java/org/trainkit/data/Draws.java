package org.trainkit.data;

import java.util.SplittableRandom;

/**
 * The random draws of the dataset views, all functions of a seed alone (never of a shared
 * generator), so that a view is the same whenever it is made with the same seed.
 */
final class Draws {

    /** The 64-bit golden-ratio increment of SplitMix64. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Draws() {
    }

    /** SplitMix64's output function (Steele, Lea and Flood, OOPSLA 2014): a bijective 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform double in [0, 1) determined by {@code seed} and {@code key} only. */
    static double uniform(long seed, long key) {
        return (mix(mix(seed) + (key + 1) * GOLDEN) >>> 11) * 0x1.0p-53;
    }

    /**
     * Shuffles {@code values} in place (Fisher-Yates) with a generator determined by {@code seed},
     * the {@code purpose} of the draw (so that a split and a subsample with one seed are unrelated)
     * and {@code stream} (e.g. the class).
     */
    static void shuffle(int[] values, long seed, String purpose, int stream) {
        SplittableRandom random = new SplittableRandom(mix(mix(seed) ^ purpose.hashCode()) + (stream + 1L) * GOLDEN);
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
