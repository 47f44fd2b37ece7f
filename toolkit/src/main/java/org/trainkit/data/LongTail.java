package org.trainkit.data;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Long-tailed subsampling with the exponential profile of Cao et al. ("Learning Imbalanced
 * Datasets with Label-Distribution-Aware Margin Loss", NeurIPS 2019) and Cui et al.
 * ("Class-Balanced Loss Based on Effective Number of Samples", CVPR 2019): the class of rank
 * {@code r} in the class order keeps
 *
 * <pre>{@code n_r = floor(n_max * ratio^(-r / (K - 1)))}</pre>
 *
 * images, {@code r = 0 .. K-1}, so the head class keeps {@code n_max}, the tail class
 * {@code n_max / ratio}, and {@code n_0 / n_{K-1}} is the imbalance ratio up to the rounding down
 * (which is what the reference code of Cao et al. does, {@code int(img_max * imb_factor^(r / (K - 1)))}).
 * {@code K} is the number of classes the source holds and {@code n_max} the largest head size for
 * which every class has enough images: the head class's size for a balanced source.
 *
 * <p>The class order defaults to the source's classes in increasing label (Cao et al.'s CIFAR-LT);
 * {@link #withOrder(int...)} sets another. Which images a class keeps is drawn per class from the seed;
 * the result keeps the source's order and sample ids, and is named e.g.
 * {@code name[long-tail ratio 100, seed 1]}. With one seed, a class's kept images at a higher
 * ratio are among those kept at a lower one. Immutable.
 */
public final class LongTail {

    /** Slack for the rounding down, so that e.g. 6000 / 100 is 60, not 59. */
    private static final double ROUNDING_SLACK = 1e-9;

    private final double imbalanceRatio;
    private final long seed;
    private final int[] order;

    private LongTail(double imbalanceRatio, long seed, int[] order) {
        this.imbalanceRatio = imbalanceRatio;
        this.seed = seed;
        this.order = order;
    }

    /**
     * The exponential profile with head-to-tail ratio {@code imbalanceRatio} (1 keeps every class
     * at the same size), in the default class order.
     *
     * @throws IllegalArgumentException if {@code imbalanceRatio} is not a finite number >= 1
     */
    public static LongTail of(double imbalanceRatio, long seed) {
        if (!(imbalanceRatio >= 1 && imbalanceRatio < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("imbalanceRatio: expected a finite ratio >= 1 (head / tail class size),"
                    + " got " + imbalanceRatio);
        }
        return new LongTail(imbalanceRatio, seed, null);
    }

    /**
     * The same profile with the classes ranked {@code classOrder[0]} (the head, largest) to the
     * last (the tail); it must list exactly the classes of the set it is applied to.
     *
     * @throws IllegalArgumentException if {@code classOrder} is empty, repeats a class or holds a
     *     negative one
     */
    public LongTail withOrder(int... classOrder) {
        Args.classSet("order", classOrder, Arrays.stream(classOrder).max().orElse(0) + 1);
        return new LongTail(imbalanceRatio, seed, classOrder.clone());
    }

    /** The head-to-tail ratio of class sizes. */
    public double imbalanceRatio() {
        return imbalanceRatio;
    }

    /** The seed of the draws. */
    public long seed() {
        return seed;
    }

    /** The class order given by {@link #withOrder(int...)} (a copy), or empty for the default order. */
    public int[] order() {
        return order == null ? new int[0] : order.clone();
    }

    /**
     * The number of images each class keeps when this profile is applied to {@code source},
     * indexed by label (0 for classes the source does not hold).
     *
     * @throws IllegalArgumentException if the source holds fewer than 2 classes, the order does not
     *     list exactly its classes, or the ratio leaves the tail class empty
     */
    public int[] classCounts(LabelledImages source) {
        int[] available = source.classCounts();
        int[] ranked = ranked(source, available);
        int k = ranked.length;
        double head = Double.POSITIVE_INFINITY;
        for (int r = 0; r < k; r++) {
            head = Math.min(head, available[ranked[r]] * shrink(r, k));
        }
        double nMax = Math.floor(head + ROUNDING_SLACK);
        int[] counts = new int[available.length];
        for (int r = 0; r < k; r++) {
            counts[ranked[r]] = (int) Math.floor(nMax / shrink(r, k) + ROUNDING_SLACK);
        }
        if (counts[ranked[k - 1]] == 0) {
            throw new IllegalArgumentException("imbalanceRatio: " + Args.number(imbalanceRatio) + " leaves tail class "
                    + ranked[k - 1] + " of " + source.name() + " no image (head class size " + (long) nMax
                    + "); expected a ratio <= " + (long) nMax);
        }
        return counts;
    }

    /** {@code ratio^(r / (K - 1))}, the factor by which rank {@code r} is smaller than the head. */
    private double shrink(int r, int k) {
        return Math.pow(imbalanceRatio, r / (k - 1.0));
    }

    /** The source's classes, head first. */
    private int[] ranked(LabelledImages source, int[] available) {
        int[] present = IntStream.range(0, available.length).filter(c -> available[c] > 0).toArray();
        if (present.length < 2) {
            throw new IllegalArgumentException("source: a long tail needs at least 2 classes, " + source.name()
                    + " holds " + present.length);
        }
        if (order == null) {
            return present;
        }
        for (int c : order) {
            Args.knownClass("order", c, available.length);
        }
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        if (!Arrays.equals(sorted, present)) {
            throw new IllegalArgumentException("order: lists classes " + Args.list(sorted) + ", expected those of "
                    + source.name() + ": " + Args.list(present));
        }
        return order;
    }

    /**
     * The long-tailed view of {@code source} with {@link #classCounts(LabelledImages)} images per
     * class, each class's drawn uniformly without replacement from the seed.
     *
     * @throws IllegalArgumentException as {@link #classCounts(LabelledImages)}
     */
    public LabelledImages apply(LabelledImages source) {
        int[] counts = classCounts(source);
        int[][] byClass = source.positionsByClass();
        int[] kept = new int[Arrays.stream(counts).sum()];
        int filled = 0;
        for (int c = 0; c < counts.length; c++) {
            Draws.shuffle(byClass[c], seed, "long-tail", c);
            System.arraycopy(byClass[c], 0, kept, filled, counts[c]);
            filled += counts[c];
        }
        Arrays.sort(kept);
        return source.view(this.toString(), kept);
    }

    /** The profile, e.g. {@code long-tail ratio 100, seed 1} (and the order if one was set). */
    @Override
    public String toString() {
        return "long-tail ratio " + Args.number(imbalanceRatio) + ", seed " + seed
                + (order == null ? "" : ", order " + Args.list(order));
    }
}
