package org.trainkit.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Small labelled sets for tests: 2 x 2 images whose first two pixels encode the sample's index
 * (low and high byte), so a test can tell from the pixels which sample a view hands out.
 */
final class Synthetic {

    static final List<String> TEN = List.of("c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");

    private Synthetic() {
    }

    /** {@code counts[c]} images of class {@code c}, classes interleaved in a fixed random order. */
    static LabelledImages withCounts(String name, int... counts) {
        List<Integer> labels = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            for (int k = 0; k < counts[c]; k++) {
                labels.add(c);
            }
        }
        Collections.shuffle(labels, new Random(0));
        int[] values = labels.stream().mapToInt(Integer::intValue).toArray();
        byte[] pixels = new byte[4 * values.length];
        for (int i = 0; i < values.length; i++) {
            pixels[4 * i] = (byte) i;
            pixels[4 * i + 1] = (byte) (i >> 8);
            pixels[4 * i + 2] = (byte) values[i];
        }
        List<String> names = counts.length == 10 ? TEN : TEN.subList(0, counts.length);
        return LabelledImages.of(name, 2, 2, pixels, values, names);
    }

    /** {@code perClass} images of each of ten classes. */
    static LabelledImages balanced(int perClass) {
        int[] counts = new int[10];
        Arrays.fill(counts, perClass);
        return withCounts("synthetic", counts);
    }

    /** The sample index encoded in image {@code i}'s pixels. */
    static int encodedId(LabelledImages images, int i) {
        float[] image = images.image(i);
        return Math.round(image[0] * 255) + 256 * Math.round(image[1] * 255);
    }
}
