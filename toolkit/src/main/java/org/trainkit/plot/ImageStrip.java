package org.trainkit.plot;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.trainkit.data.LabelledImages;

/**
 * The first image of each class side by side, enlarged by whole pixels: the quick look at a data
 * set that a notebook's first cells give (Fashion-MNIST: ten 28 x 28 grey images, one per class,
 * in class order).
 */
public final class ImageStrip {

    private ImageStrip() {
    }

    /**
     * One image per class, left to right in class order, each pixel drawn as a {@code scale} x
     * {@code scale} square; pixel values in [0, 1] map to grey levels 0-255.
     *
     * @throws IllegalArgumentException when {@code scale < 1} or a class has no image
     */
    public static BufferedImage firstOfEachClass(LabelledImages images, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("image strip: scale must be >= 1, got " + scale);
        }
        int rows = images.rows();
        int cols = images.cols();
        int classes = images.classes();
        int[] first = new int[classes];
        Arrays.fill(first, -1);
        for (int i = 0; i < images.size(); i++) {
            int label = images.label(i);
            if (first[label] < 0) {
                first[label] = i;
            }
        }
        BufferedImage strip = new BufferedImage(classes * cols * scale, rows * scale, BufferedImage.TYPE_BYTE_GRAY);
        for (int c = 0; c < classes; c++) {
            if (first[c] < 0) {
                throw new IllegalArgumentException("image strip: " + images.name() + " has no image of class " + c
                        + " (" + images.classNames().get(c) + ")");
            }
            float[] pixels = images.image(first[c]);
            for (int y = 0; y < rows * scale; y++) {
                for (int x = 0; x < cols * scale; x++) {
                    int grey = Math.round(255 * pixels[(y / scale) * cols + x / scale]);
                    strip.getRaster().setSample(c * cols * scale + x, y, 0, grey);
                }
            }
        }
        return strip;
    }
}
