package org.trainkit.data;

import java.util.Arrays;
import java.util.List;

/**
 * A set of grey-scale images with integer class labels, such as one split of Fashion-MNIST.
 * Pixels are stored as the file's bytes (a quarter of the memory of floats) and handed out as
 * floats in [0, 1] (byte value / 255). Immutable.
 */
public final class LabelledImages {

    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    private LabelledImages(String name, int rows, int cols, byte[] pixels, int[] labels, List<String> classNames) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Images from raw data: {@code pixels} holds {@code labels.length} images of {@code rows x cols}
     * unsigned bytes (0 = black, 255 = white) one after another, row by row; {@code labels[i]} is
     * the class of image {@code i}, an index into {@code classNames}. The arrays are not copied;
     * callers hand them over.
     */
    public static LabelledImages of(String name, int rows, int cols, byte[] pixels, int[] labels,
            List<String> classNames) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException(name + ": image size must be positive, got " + rows + " x " + cols);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException(name + ": no images");
        }
        if ((long) rows * cols * labels.length != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " images of " + rows + " x " + cols
                    + " need " + (long) rows * cols * labels.length + " pixels, got " + pixels.length);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + i + " is " + labels[i] + ", expected 0.."
                        + (classNames.size() - 1));
            }
        }
        return new LabelledImages(name, rows, cols, pixels, labels, classNames);
    }

    /** The name of this set, e.g. {@code fashion-mnist/train}. */
    public String name() {
        return name;
    }

    /** The number of images. */
    public int size() {
        return labels.length;
    }

    /** Image height in pixels. */
    public int rows() {
        return rows;
    }

    /** Image width in pixels. */
    public int cols() {
        return cols;
    }

    /** Pixels per image, {@code rows() * cols()}. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** The number of classes. */
    public int classes() {
        return classNames.size();
    }

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The label of image {@code index}, in {@code [0, classes())}. */
    public int label(int index) {
        return labels[index];
    }

    /** All labels (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** The pixels of image {@code index}, row by row, in [0, 1]. */
    public float[] image(int index) {
        float[] image = new float[pixelsPerImage()];
        copyImage(index, image, 0);
        return image;
    }

    /**
     * Writes the images {@code indices[0], indices[1], ...} one after another into {@code target},
     * starting at {@code offset}: the layout of a (batch, pixels) array.
     */
    public void copyImages(int[] indices, float[] target, int offset) {
        int n = pixelsPerImage();
        if (offset < 0 || offset + (long) indices.length * n > target.length) {
            throw new IllegalArgumentException("target of " + target.length + " floats cannot hold " + indices.length
                    + " images of " + n + " pixels from offset " + offset);
        }
        for (int i = 0; i < indices.length; i++) {
            copyImage(indices[i], target, offset + i * n);
        }
    }

    private void copyImage(int index, float[] target, int offset) {
        int n = pixelsPerImage();
        int base = index * n;
        for (int p = 0; p < n; p++) {
            target[offset + p] = (pixels[base + p] & 0xFF) / 255f;
        }
    }

    /** The first {@code count} images (shares the pixel storage). */
    public LabelledImages head(int count) {
        if (count <= 0 || count > size()) {
            throw new IllegalArgumentException(name + " has " + size() + " images; cannot take the first " + count);
        }
        if (count == size()) {
            return this;
        }
        byte[] part = Arrays.copyOf(pixels, count * pixelsPerImage());
        return new LabelledImages(name + "[:" + count + "]", rows, cols, part,
                Arrays.copyOf(labels, count), classNames);
    }

    @Override
    public String toString() {
        return name + " (" + size() + " images of " + rows + " x " + cols + ", " + classes() + " classes)";
    }
}
