package org.trainkit.data;

import java.util.Arrays;
import java.util.List;

/**
 * A set of grey-scale images with integer class labels, such as one split of Fashion-MNIST, or a
 * view of one: a validation part, a long-tailed subsample, a class subset, a copy with noisy
 * labels. Pixels are stored as the file's bytes (a quarter of the memory of floats) and handed out
 * as floats in [0, 1] (byte value / 255). Immutable.
 *
 * <p><b>Views.</b> Every derived set ({@link #head}, {@link #split}, {@link #classes(int...)},
 * {@link LongTail#apply}, {@link LabelNoise#apply}) shares the pixel bytes of the set it came from
 * and holds only its own sample ids and labels, so views are cheap and compose in any order; the
 * name says how the view was made, e.g. {@code fashion-mnist/train[train 90%, seed 1]}.
 *
 * <p><b>Sample ids.</b> Every sample keeps the index it has in the originally loaded set
 * ({@link #id(int)}); for a set made by {@link #of} {@code id(i) == i}. Per-sample state kept by
 * id (such as Feasible Learning's multipliers) therefore lines up across views.
 *
 * <p><b>Labels.</b> {@link #label(int)} is the label a learner sees; {@link #trueLabel(int)} is the
 * label the sample had before any {@link LabelNoise} was applied. They are equal unless noise
 * changed them, and views of a noisy set keep both.
 */
public sealed class LabelledImages permits NoisyLabels {

    private final String name;
    private final int rows;
    private final int cols;
    private final byte[] pixels;
    private final int[] ids;
    private final int[] labels;
    private final int[] trueLabels;
    private final List<String> classNames;

    private LabelledImages(String name, int rows, int cols, byte[] pixels, int[] ids, int[] labels, int[] trueLabels,
            List<String> classNames) {
        this.name = name;
        this.rows = rows;
        this.cols = cols;
        this.pixels = pixels;
        this.ids = ids;
        this.labels = labels;
        this.trueLabels = trueLabels;
        this.classNames = List.copyOf(classNames);
    }

    /** The samples of {@code source} under {@code name} with the observed labels {@code labels}. */
    LabelledImages(LabelledImages source, String name, int[] labels) {
        this(name, source.rows, source.cols, source.pixels, source.ids, labels, source.trueLabels, source.classNames);
    }

    /**
     * Images from raw data: {@code pixels} holds {@code labels.length} images of {@code rows x cols}
     * unsigned bytes (0 = black, 255 = white) one after another, row by row; {@code labels[i]} is
     * the class of image {@code i}, an index into {@code classNames}. The arrays are not copied;
     * callers hand them over. Sample ids are 0, 1, 2, ...
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
        int[] ids = new int[labels.length];
        Arrays.setAll(ids, i -> i);
        return new LabelledImages(name, rows, cols, pixels, ids, labels, labels, classNames);
    }

    /** The name of this set, e.g. {@code fashion-mnist/train}; a view's name says how it was made. */
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

    /** The number of classes (of the label space, whether or not this set holds samples of each). */
    public int classes() {
        return classNames.size();
    }

    /** The class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** The id of sample {@code index}: its index in the originally loaded set. */
    public int id(int index) {
        return ids[index];
    }

    /** The ids of all samples, in order (a copy). */
    public int[] ids() {
        return ids.clone();
    }

    /** The label of image {@code index}, in {@code [0, classes())}: the noisy label if noise was applied. */
    public int label(int index) {
        return labels[index];
    }

    /** All labels (a copy). */
    public int[] labels() {
        return labels.clone();
    }

    /** The label of image {@code index} before any {@link LabelNoise}; {@link #label} if there was none. */
    public int trueLabel(int index) {
        return trueLabels[index];
    }

    /** All true labels (a copy). */
    public int[] trueLabels() {
        return trueLabels.clone();
    }

    /** Whether label noise changed the label of image {@code index}: {@code label(index) != trueLabel(index)}. */
    public boolean flipped(int index) {
        return labels[index] != trueLabels[index];
    }

    /** {@link #flipped} of every image. */
    public boolean[] flippedMask() {
        boolean[] mask = new boolean[labels.length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = labels[i] != trueLabels[i];
        }
        return mask;
    }

    /** The number of images whose label noise changed. */
    public int flippedCount() {
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != trueLabels[i]) {
                count++;
            }
        }
        return count;
    }

    /** The realised noise rate: {@code flippedCount() / size()}, 0 for a clean set. */
    public double noiseRate() {
        return (double) flippedCount() / size();
    }

    /** The number of images of each class by {@link #label} (observed, possibly noisy), indexed by label. */
    public int[] classCounts() {
        int[] counts = new int[classes()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The pixels of image {@code index}, row by row, in [0, 1]. */
    public float[] image(int index) {
        float[] image = new float[pixelsPerImage()];
        copyImage(index, image, 0);
        return image;
    }

    /**
     * Writes the images {@code indices[0], indices[1], ...} one after another into {@code target},
     * starting at {@code offset}: the layout of a (batch, pixels) array. Allocates nothing.
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
        int base = ids[index] * n;
        for (int p = 0; p < n; p++) {
            target[offset + p] = (pixels[base + p] & 0xFF) / 255f;
        }
    }

    /** The first {@code count} images, a view named {@code name[:count]}. */
    public LabelledImages head(int count) {
        if (count <= 0 || count > size()) {
            throw new IllegalArgumentException(name + " has " + size() + " images; cannot take the first " + count);
        }
        if (count == size()) {
            return this;
        }
        int[] positions = new int[count];
        Arrays.setAll(positions, i -> i);
        return view(":" + count, positions);
    }

    /**
     * A stratified train/validation split, deterministic per seed: in each class (by {@link #label})
     * {@code round(validationFraction * n_c)} images (rounded half up), drawn at random, go to
     * validation and the rest to train. The parts are disjoint, together hold every image, keep this set's order and are
     * named e.g. {@code name[train 90%, seed 1]} and {@code name[validation 10%, seed 1]}.
     *
     * @throws IllegalArgumentException if {@code validationFraction} is not in (0, 1) or leaves a part empty
     */
    public TrainValidation split(double validationFraction, long seed) {
        return TrainValidation.split(this, validationFraction, seed);
    }

    /**
     * The images whose {@link #label} is one of {@code keep}, in this set's order, named e.g.
     * {@code name[classes 0, 6]}. Labels are unchanged (still in {@code [0, classes())}), so a head
     * with {@link #classes()} outputs can be reused; {@link #classes()} still counts all classes.
     * (Called without arguments, {@code classes()} is that count, not an empty subset.)
     *
     * @throws IllegalArgumentException if {@code keep} is empty, repeats a class, names an unknown
     *     class, or no image has one of its classes
     */
    public LabelledImages classes(int... keep) {
        boolean[] kept = Args.classSet("classes", keep, classes());
        int[] positions = new int[size()];
        int count = 0;
        for (int i = 0; i < labels.length; i++) {
            if (kept[labels[i]]) {
                positions[count++] = i;
            }
        }
        String list = Args.list(keep);
        if (count == 0) {
            throw new IllegalArgumentException("classes: " + name + " has no images of classes " + list);
        }
        return view("classes " + list, Arrays.copyOf(positions, count));
    }

    /** The positions of the images of each class (by {@link #label}), in order, indexed by label. */
    int[][] positionsByClass() {
        int[] counts = classCounts();
        int[][] positions = new int[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            positions[c] = new int[counts[c]];
        }
        int[] filled = new int[counts.length];
        for (int i = 0; i < labels.length; i++) {
            positions[labels[i]][filled[labels[i]]++] = i;
        }
        return positions;
    }

    /**
     * The view of the images at {@code positions} (non-empty, valid, increasing for this set's
     * order), named {@code name[description]}.
     */
    LabelledImages view(String description, int[] positions) {
        int[] viewIds = new int[positions.length];
        int[] viewLabels = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            viewIds[k] = ids[positions[k]];
            viewLabels[k] = labels[positions[k]];
        }
        int[] viewTrue = viewLabels;
        if (trueLabels != labels) {
            viewTrue = new int[positions.length];
            for (int k = 0; k < positions.length; k++) {
                viewTrue[k] = trueLabels[positions[k]];
            }
        }
        return new LabelledImages(name + "[" + description + "]", rows, cols, pixels, viewIds, viewLabels, viewTrue,
                classNames);
    }

    @Override
    public String toString() {
        int flipped = flippedCount();
        return name + " (" + size() + " images of " + rows + " x " + cols + ", " + classes() + " classes"
                + (flipped == 0 ? "" : ", " + flipped + " labels flipped") + ")";
    }
}
