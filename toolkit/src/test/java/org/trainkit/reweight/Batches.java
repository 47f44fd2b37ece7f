package org.trainkit.reweight;

import java.util.Random;
import org.trainkit.data.FashionMnist;
import org.trainkit.data.LabelledImages;
import org.trainkit.train.SampleLosses;

/** Small hand-made batches and image sets for the reweighting tests. */
final class Batches {

    private Batches() {
    }

    /** A batch at {@code step} with these losses; sample {@code i} has id {@code 100 + i} and label {@code i % 2}. */
    static SampleLosses of(int step, float... losses) {
        int n = losses.length;
        int[] indices = new int[n];
        int[] ids = new int[n];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
            ids[i] = 100 + i;
            labels[i] = i % 2;
        }
        return new SampleLosses(step, indices, ids, labels, losses);
    }

    /** A batch with explicit ids, labels and losses. */
    static SampleLosses of(int step, int[] ids, int[] labels, float[] losses) {
        return new SampleLosses(step, ids.clone(), ids, labels, losses);
    }

    /**
     * {@code count} 28 x 28 images in 10 classes (label {@code i % 10}) whose class shows as a
     * bright 2-pixel-wide stripe at a class-dependent row over random noise: learnable in a few steps.
     */
    static LabelledImages learnable(int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 784];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) random.nextInt(100);
            }
            int row = 2 + 2 * labels[i];
            for (int r = row; r < row + 2; r++) {
                for (int c = 0; c < 28; c++) {
                    pixels[i * 784 + r * 28 + c] = (byte) 250;
                }
            }
        }
        return LabelledImages.of("stripes", 28, 28, pixels, labels, FashionMnist.CLASS_NAMES);
    }
}
