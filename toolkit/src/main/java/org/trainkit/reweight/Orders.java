package org.trainkit.reweight;

import java.util.SplittableRandom;

/** Seeded Fisher-Yates shuffles of index arrays (Knuth, TAOCP vol. 2, algorithm P); {@code Collections.shuffle} works on boxed lists only. */
final class Orders {

    private Orders() {
    }

    /** 0..n-1 in a random order. */
    static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return shuffle(order, random);
    }

    /** Shuffles {@code values} in place and returns it. */
    static int[] shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return values;
    }
}
