package org.trainkit.train;

import java.util.Random;
import org.trainkit.data.FashionMnist;
import org.trainkit.data.LabelledImages;

/** Random 28 x 28 images in the 10 Fashion-MNIST classes: enough to exercise the loop without the real files. */
final class Synthetic {

    private Synthetic() {
    }

    /** {@code count} random images labelled {@code i % 10}. */
    static LabelledImages images(String name, int count, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[count * 784];
        random.nextBytes(pixels);
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = i % 10;
        }
        return LabelledImages.of(name, 28, 28, pixels, labels, FashionMnist.CLASS_NAMES);
    }
}
