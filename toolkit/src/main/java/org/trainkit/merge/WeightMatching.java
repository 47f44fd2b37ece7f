package org.trainkit.merge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;
import org.trainkit.checkpoint.Safetensors;

/**
 * Git Re-Basin weight matching for MLPs (Ainsworth, Hayase and Srinivasa, ICLR 2023): permutes
 * the hidden units of model B so that its weights line up with model A's, after which the two can
 * be interpolated (by {@link Merger} with {@code linear}) through a low-loss path where the plain
 * straight line crosses a barrier. For each hidden layer's permutation, visited in a seeded random
 * order, the score {@code sum <W_A, P W_B>} over the weights touching the layer (the incoming
 * weights and bias, the outgoing weights, with B's other permutations applied) is maximised by
 * linear assignment; rounds repeat until no permutation improves the total by more than 1e-12 (at
 * most 100 rounds).
 *
 * <p>The MLP is given by its layers in order: each a weight {@code [out, in]} (DJL's and PyTorch's
 * layout) and an optional bias {@code [out]}; {@link #mlp(ParameterSet)} reads them off a parameter
 * set whose 2-D tensors are the layers in order, each followed by its bias.
 */
public final class WeightMatching {

    private final List<String> weights;
    private final List<String> biases;
    private long seed;
    private int maxRounds = 100;

    private WeightMatching(List<String> weights, List<String> biases) {
        this.weights = List.copyOf(weights);
        this.biases = new ArrayList<>(biases);
    }

    /** Layers named explicitly: weights in order and their biases (null where a layer has none). */
    public static WeightMatching layers(List<String> weights, List<String> biases) {
        if (weights.size() != biases.size() || weights.size() < 2) {
            throw new IllegalArgumentException("weight matching needs at least two layers, with one bias entry (or null) per weight");
        }
        return new WeightMatching(weights, biases);
    }

    /** The layers of an MLP: its 2-D tensors in order, each with the 1-D tensor that follows it as bias. */
    public static WeightMatching mlp(ParameterSet parameters) {
        List<String> w = new ArrayList<>();
        List<String> b = new ArrayList<>();
        List<NamedTensor> tensors = parameters.tensors();
        for (int i = 0; i < tensors.size(); i++) {
            NamedTensor t = tensors.get(i);
            if (t.shape().length == 2) {
                w.add(t.name());
                boolean bias = i + 1 < tensors.size() && tensors.get(i + 1).shape().length == 1
                        && tensors.get(i + 1).shape()[0] == t.shape()[0];
                b.add(bias ? tensors.get(i + 1).name() : null);
            } else if (t.shape().length != 1) {
                throw new IllegalArgumentException("weight matching for MLPs: tensor '" + t.name() + "' has shape "
                        + Arrays.toString(t.shape()) + "; expected 2-D weights and 1-D biases only");
            }
        }
        return layers(w, b);
    }

    /** The seed of the order the permutations are visited in. */
    public WeightMatching seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The most rounds of coordinate descent. */
    public WeightMatching maxRounds(int rounds) {
        this.maxRounds = rounds;
        return this;
    }

    /**
     * The result of matching: B with its hidden units permuted, the permutations (unit i of the
     * permuted layer is unit {@code permutation[i]} of B's), and the rounds run.
     *
     * @param permuted model B, permuted (it computes the same function as B)
     * @param permutations one per hidden layer
     * @param rounds the rounds of coordinate descent run
     */
    public record Result(ParameterSet permuted, List<int[]> permutations, int rounds) {
    }

    /** Aligns the checkpoint {@code b} to {@code a} and writes the permuted B to {@code output} (a safetensors file). */
    public Result align(Path a, Path b, Path output) {
        Result result = align(Safetensors.readParameters(a), Safetensors.readParameters(b));
        Safetensors.write(output, result.permuted(), Map.of("rebasin.aligned_to", a.getFileName().toString()));
        return result;
    }

    /** Aligns {@code b} to {@code a}. */
    public Result align(ParameterSet a, ParameterSet b) {
        int layers = weights.size();
        float[][] wa = new float[layers][];
        float[][] wb = new float[layers][];
        float[][] ba = new float[layers][];
        float[][] bb = new float[layers][];
        int[] out = new int[layers];
        int[] in = new int[layers];
        for (int l = 0; l < layers; l++) {
            NamedTensor ta = a.get(weights.get(l));
            NamedTensor tb = b.get(weights.get(l));
            if (!ta.sameShape(tb)) {
                throw new IllegalArgumentException("'" + weights.get(l) + "' is " + Arrays.toString(ta.shape()) + " in A but "
                        + Arrays.toString(tb.shape()) + " in B");
            }
            out[l] = (int) ta.shape()[0];
            in[l] = (int) ta.shape()[1];
            if (l > 0 && in[l] != out[l - 1]) {
                throw new IllegalArgumentException("'" + weights.get(l) + "' takes " + in[l] + " inputs but '" + weights.get(l - 1)
                        + "' gives " + out[l - 1]);
            }
            wa[l] = ta.data();
            wb[l] = tb.data();
            if (biases.get(l) != null) {
                ba[l] = a.get(biases.get(l)).data();
                bb[l] = b.get(biases.get(l)).data();
            }
        }
        int hidden = layers - 1;
        int[][] perm = new int[hidden][];
        for (int h = 0; h < hidden; h++) {
            perm[h] = identity(out[h]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        int rounds = 0;
        boolean improved = true;
        while (improved && rounds < maxRounds) {
            improved = false;
            rounds++;
            for (int h : shuffled(hidden, random)) {
                double[][] score = score(h, wa, wb, ba, bb, out, in, perm);
                int[] best = LinearAssignment.maximise(score);
                double before = 0;
                double after = 0;
                for (int i = 0; i < best.length; i++) {
                    before += score[i][perm[h][i]];
                    after += score[i][best[i]];
                }
                if (after > before + 1e-12) {
                    perm[h] = best;
                    improved = true;
                }
            }
        }
        return new Result(apply(b, perm, out, in), Arrays.stream(perm).map(int[]::clone).toList(), rounds);
    }

    /**
     * {@code score[i][j]}: how well B's unit j of hidden layer h matches A's unit i, over the
     * weights touching the layer: {@code W_A^h (W_B^h P_(h-1)^T)^T + b_A b_B^T + (W_A^(h+1))^T
     * (P_(h+1) W_B^(h+1))}.
     */
    static double[][] score(int h, float[][] wa, float[][] wb, float[][] ba, float[][] bb, int[] out, int[] in, int[][] perm) {
        int n = out[h];
        int cols = in[h];
        int[] previous = h == 0 ? null : perm[h - 1];
        // incoming weights: rows of W^h, B's columns permuted by the previous layer's permutation
        float[] bIn = new float[n * cols];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k < cols; k++) {
                bIn[j * cols + k] = wb[h][j * cols + (previous == null ? k : previous[k])];
            }
        }
        // outgoing weights: columns of W^(h+1), B's rows permuted by the next layer's permutation
        int next = h + 1;
        int rows = out[next];
        int[] following = next < perm.length ? perm[next] : null;
        float[] bOut = new float[rows * n];
        for (int m = 0; m < rows; m++) {
            System.arraycopy(wb[next], (following == null ? m : following[m]) * n, bOut, m * n, n);
        }
        float[] products;
        // The two matrix products are the hot kernel; DJL's NDArray (PyTorch) was the fastest of plain
        // Java, ND4J and DJL for them (MergeKernelsBenchmark, toolkit/BENCHMARKS.md).
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray incoming = manager.create(wa[h], new Shape(n, cols)).matMul(manager.create(bIn, new Shape(n, cols)).transpose());
            NDArray outgoing = manager.create(wa[next], new Shape(rows, n)).transpose().matMul(manager.create(bOut, new Shape(rows, n)));
            products = incoming.add(outgoing).toFloatArray();
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = products[i * n + j] + (ba[h] != null ? (double) ba[h][i] * bb[h][j] : 0);
            }
        }
        return s;
    }

    private ParameterSet apply(ParameterSet b, int[][] perm, int[] out, int[] in) {
        ParameterSet result = b;
        for (int l = 0; l < weights.size(); l++) {
            int[] rowPerm = l < perm.length ? perm[l] : null;
            int[] colPerm = l > 0 ? perm[l - 1] : null;
            float[] w = b.get(weights.get(l)).data();
            float[] permuted = new float[w.length];
            for (int i = 0; i < out[l]; i++) {
                int sourceRow = rowPerm == null ? i : rowPerm[i];
                for (int k = 0; k < in[l]; k++) {
                    permuted[i * in[l] + k] = w[sourceRow * in[l] + (colPerm == null ? k : colPerm[k])];
                }
            }
            result = result.with(b.get(weights.get(l)).withData(permuted));
            if (biases.get(l) != null && rowPerm != null) {
                float[] bias = b.get(biases.get(l)).data();
                float[] pb = new float[bias.length];
                for (int i = 0; i < bias.length; i++) {
                    pb[i] = bias[rowPerm[i]];
                }
                result = result.with(b.get(biases.get(l)).withData(pb));
            }
        }
        return result;
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return p;
    }

    private static int[] shuffled(int n, SplittableRandom random) {
        int[] order = identity(n);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
