package org.trainkit.data;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * A model of label noise: a row-stochastic transition matrix {@code T[i][j]}, the probability that
 * a sample observed with label {@code i} is given label {@code j}, and a seed. The standard noise
 * models of the noisy-label literature (Patrini et al., "Making Deep Neural Networks Robust to
 * Label Noise: a Loss Correction Approach", CVPR 2017; Han et al., "Co-teaching: Robust Training of
 * Deep Neural Networks with Extremely Noisy Labels", NeurIPS 2018) are:
 *
 * <ul>
 *   <li>{@link #symmetric}: with probability {@code rate} the label is replaced by one of the
 *       {@code K - 1} <em>other</em> classes, uniformly ({@code T[i][j] = rate / (K - 1)} for
 *       {@code j != i}). This is the convention of Patrini et al. and Han et al.: {@code rate} is
 *       then exactly the expected fraction of wrong labels and every replaced label is wrong.
 *       Some papers (Zhang et al., "Understanding Deep Learning Requires Rethinking
 *       Generalization", ICLR 2017) instead draw from all {@code K} classes, the true one included,
 *       so that only {@code rate (K - 1) / K} of the labels end up wrong; to reproduce them pass
 *       {@code rate * (K - 1) / K} here.
 *   <li>{@link #pairs}: pair flipping (Han et al.), class {@code c} becomes {@code (c + 1) mod K}
 *       with probability {@code rate}.
 *   <li>{@link #classDependent(Map, double, long)}: chosen classes flip to chosen others with
 *       probability {@code rate}, the others stay (the asymmetric noise of Patrini et al.).
 *   <li>{@link #classDependent(double[][], long)}: any transition matrix.
 * </ul>
 *
 * <p>Applying noise draws one uniform number per sample from the seed and the sample's
 * {@linkplain LabelledImages#id id} alone, so a sample gets the same noisy label in every view
 * that holds it: noising then splitting equals splitting then noising. Noise applies to the
 * observed labels; the true labels are kept (applying noise twice compounds it, and a second flip
 * may restore the true label). A label stays iff its uniform number is below {@code T[y][y]}, so
 * with one seed the samples flipped at a lower rate are among those flipped at a higher one.
 * Immutable.
 */
public final class LabelNoise {

    /** How far a transition row may sum away from 1. */
    private static final double ROW_SUM_TOLERANCE = 1e-9;

    private final String description;
    private final long seed;
    private final IntFunction<double[][]> transition;

    private LabelNoise(String description, long seed, IntFunction<double[][]> transition) {
        this.description = description;
        this.seed = seed;
        this.transition = transition;
    }

    /**
     * Symmetric noise: each label is replaced, with probability {@code rate}, by a uniformly chosen
     * <em>different</em> class (see the class comment for the convention).
     *
     * @throws IllegalArgumentException if {@code rate} is not in [0, 1)
     */
    public static LabelNoise symmetric(double rate, long seed) {
        Args.rate("rate", rate);
        return new LabelNoise("symmetric noise " + Args.percent(rate), seed, classes -> {
            double[][] t = new double[classes][classes];
            for (int i = 0; i < classes; i++) {
                Arrays.fill(t[i], rate / (classes - 1));
                t[i][i] = 1 - rate;
            }
            return t;
        });
    }

    /**
     * Pair flipping (Han et al. 2018): class {@code c} becomes {@code (c + 1) mod K} with
     * probability {@code rate}.
     *
     * @throws IllegalArgumentException if {@code rate} is not in [0, 1)
     */
    public static LabelNoise pairs(double rate, long seed) {
        Args.rate("rate", rate);
        return new LabelNoise("pair noise " + Args.percent(rate), seed, classes -> {
            double[][] t = new double[classes][classes];
            for (int i = 0; i < classes; i++) {
                t[i][i] = 1 - rate;
                t[i][(i + 1) % classes] += rate;
            }
            return t;
        });
    }

    /**
     * Class-dependent noise: each class {@code c} in {@code flips} becomes {@code flips.get(c)}
     * with probability {@code rate}; other classes keep their labels. For Fashion-MNIST, for
     * instance, {@code Map.of(6, 0, 2, 4)} turns shirts into T-shirts and pullovers into coats.
     *
     * @throws IllegalArgumentException if {@code rate} is not in [0, 1), or a class maps to itself
     *     or is negative; classes beyond the set's are rejected when the noise is applied
     */
    public static LabelNoise classDependent(Map<Integer, Integer> flips, double rate, long seed) {
        Args.rate("rate", rate);
        Map<Integer, Integer> map = new TreeMap<>(flips);
        if (map.isEmpty()) {
            throw new IllegalArgumentException("flips: expected at least one class -> class pair");
        }
        map.forEach((from, to) -> {
            if (from < 0 || to < 0 || from.equals(to)) {
                throw new IllegalArgumentException("flips: " + from + " -> " + to
                        + " is not a flip, expected two different classes >= 0");
            }
        });
        StringBuilder text = new StringBuilder();
        map.forEach((from, to) -> text.append(text.length() == 0 ? "" : " ").append(from).append("->").append(to));
        return new LabelNoise("class-dependent noise " + Args.percent(rate) + " " + text, seed, classes -> {
            double[][] t = new double[classes][classes];
            for (int i = 0; i < classes; i++) {
                t[i][i] = 1;
            }
            map.forEach((from, to) -> {
                Args.knownClass("flips", from, classes);
                Args.knownClass("flips", to, classes);
                t[from][from] = 1 - rate;
                t[from][to] = rate;
            });
            return t;
        });
    }

    /**
     * Noise with the transition matrix {@code transition}: {@code transition[i][j]} is the
     * probability that label {@code i} becomes {@code j}. The matrix is copied.
     *
     * @throws IllegalArgumentException if the matrix is not square, has an entry outside [0, 1] or a
     *     row not summing to 1 (within 1e-9); a size other than the set's number of classes is
     *     rejected when the noise is applied
     */
    public static LabelNoise classDependent(double[][] transition, long seed) {
        int k = transition.length;
        double[][] t = new double[k][];
        for (int i = 0; i < k; i++) {
            if (transition[i].length != k) {
                throw new IllegalArgumentException("transition: row " + i + " has " + transition[i].length
                        + " entries, expected " + k + " (a square matrix)");
            }
            t[i] = transition[i].clone();
            double sum = 0;
            for (int j = 0; j < k; j++) {
                if (!(t[i][j] >= 0 && t[i][j] <= 1)) {
                    throw new IllegalArgumentException("transition: entry [" + i + "][" + j + "] is " + t[i][j]
                            + ", expected a probability in [0, 1]");
                }
                sum += t[i][j];
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
                throw new IllegalArgumentException("transition: row " + i + " sums to " + sum + ", expected 1");
            }
        }
        return new LabelNoise("class-dependent noise " + k + "x" + k, seed, classes -> {
            if (classes != k) {
                throw new IllegalArgumentException("transition: " + k + " x " + k + " matrix for a set of " + classes
                        + " classes, expected " + classes + " x " + classes);
            }
            double[][] copy = new double[k][];
            Arrays.setAll(copy, i -> t[i].clone());
            return copy;
        });
    }

    /** The seed of the draws. */
    public long seed() {
        return seed;
    }

    /**
     * The transition matrix for a label space of {@code classes} classes (a fresh copy).
     *
     * @throws IllegalArgumentException if this noise does not fit {@code classes} classes
     */
    public double[][] transition(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("classes: label noise needs at least 2 classes, got " + classes);
        }
        return transition.apply(classes);
    }

    /**
     * The set with noisy labels: sample {@code i}, observed with label {@code y}, gets label
     * {@code j} with probability {@code T[y][j]}, decided by a uniform number drawn from the seed
     * and {@code images.id(i)}.
     *
     * @throws IllegalArgumentException if this noise does not fit the set's number of classes
     */
    public NoisyLabels apply(LabelledImages images) {
        double[][] t = transition(images.classes());
        int[] noisy = new int[images.size()];
        for (int i = 0; i < noisy.length; i++) {
            int y = images.label(i);
            noisy[i] = draw(t[y], y, Draws.uniform(seed, images.id(i)));
        }
        return new NoisyLabels(images, this, noisy);
    }

    /**
     * The class {@code u} falls on when the row's probabilities are laid end to end on [0, 1),
     * keeping the label first: label {@code y} stays iff {@code u < T[y][y]}, so with one seed the
     * samples flipped at a lower rate are among those flipped at a higher one.
     */
    private static int draw(double[] row, int y, double u) {
        double cumulative = row[y];
        if (u < cumulative) {
            return y;
        }
        int last = y;
        for (int j = 0; j < row.length; j++) {
            if (j != y && row[j] > 0) {
                cumulative += row[j];
                last = j;
                if (u < cumulative) {
                    return j;
                }
            }
        }
        return last;
    }

    /** What the noise is and its seed, e.g. {@code symmetric noise 20%, seed 1}. */
    @Override
    public String toString() {
        return description + ", seed " + seed;
    }
}
