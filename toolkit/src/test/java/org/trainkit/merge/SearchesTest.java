package org.trainkit.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.NamedTensor;
import org.trainkit.checkpoint.ParameterSet;

/** Greedy soup, LCSC, linear assignment, weight matching and top-k against direct computations. */
class SearchesTest {

    @TempDir
    Path dir;

    @Test
    void topKMatchesASortIncludingTies() {
        Random r = new Random(1);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + r.nextInt(40);
            float[] x = new float[n];
            double[] d = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = (r.nextInt(7) - 3) * (r.nextBoolean() ? 1f : 0.5f); // many ties
                d[i] = x[i];
            }
            int k = r.nextInt(n + 1);
            assertArrayEquals(Reference.topK(d, k), Kernels.topK(x, k), "n " + n + " k " + k);
        }
    }

    @Test
    void keepingTheTopKInPlaceIsTheMaskAndRescaleIncludingTiesZerosAndNaN() {
        Random r = new Random(3);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + r.nextInt(trial < 300 ? 40 : 5000);
            float[] x = new float[n];
            boolean rescale = r.nextBoolean();
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(20);
                // (an infinity with rescale: the mask-and-rescale path makes inf / inf = NaN of everything)
                x[i] = kind == 0 ? 0f : kind == 1 ? -0f : kind == 2 && trial % 7 == 0 ? Float.NaN
                        : kind == 3 && trial % 5 == 0 && !rescale ? Float.NEGATIVE_INFINITY
                        : trial % 2 == 0 ? (r.nextInt(7) - 3) * 0.25f : (float) r.nextGaussian();
            }
            int k = r.nextInt(n + 2) - 1;
            float[] expected = Kernels.maskedL1Rescaled(x.clone(), Kernels.topK(x, k), rescale);
            float[] kept = Kernels.keepTopK(x.clone(), k, rescale);
            for (int i = 0; i < n; i++) {
                assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(kept[i]),
                        "n " + n + " k " + k + " rescale " + rescale + " at " + i + ": " + expected[i] + " vs " + kept[i]);
            }
        }
    }

    @Test
    void tiesSignElectionMatchesTheReferenceWithZerosSignedZerosAndInfinities() {
        Random r = new Random(4);
        int n = 5000;
        float[] base = new float[n];
        float[][] models = new float[3][n];
        double[][] deltas = new double[3][n];
        for (int j = 0; j < n; j++) {
            base[j] = (float) r.nextGaussian();
            for (int i = 0; i < 3; i++) {
                int kind = r.nextInt(12);
                float delta = kind == 0 ? 0f : kind == 1 ? -0f : j == 17 * (i + 1) ? Float.POSITIVE_INFINITY : (float) r.nextGaussian();
                models[i][j] = base[j] + delta;
                deltas[i][j] = models[i][j] - base[j];
            }
        }
        double[] w = {1, 0.5, 2};
        Map<String, ParameterValue> none = Map.of();
        List<Map<String, ParameterValue>> parameters = new ArrayList<>();
        for (double wi : w) {
            parameters.add(Map.of("weight", ParameterValue.of(wi)));
        }
        List<float[]> inputs = new ArrayList<>();
        for (float[] m : models) {
            inputs.add(m.clone());
        }
        TensorJob job = new TensorJob("t", new long[] {n}, 0, base.clone(), inputs, parameters, none, MergeMethods.spec("ties"), 1);
        float[] out = MergeMethods.spec("ties").kernel().apply(job);
        double[] expected = Reference.taskArithmetic(Models.d(base), deltas, w, true, true, 1);
        for (int j = 0; j < n; j++) {
            assertEquals(expected[j], out[j], 1e-5 * (1 + Math.abs(expected[j])), "at " + j);
        }
    }

    @Test
    void linearAssignmentIsTheBestPermutation() {
        Random r = new Random(2);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + r.nextInt(6);
            double[][] s = new double[n][n];
            for (double[] row : s) {
                for (int j = 0; j < n; j++) {
                    row[j] = r.nextGaussian();
                }
            }
            int[] p = LinearAssignment.maximise(s);
            assertEquals(bruteForce(s, new int[n], new boolean[n], 0), total(s, p), 1e-9);
        }
    }

    static double total(double[][] s, int[] p) {
        double t = 0;
        for (int i = 0; i < p.length; i++) {
            t += s[i][p[i]];
        }
        return t;
    }

    static double bruteForce(double[][] s, int[] p, boolean[] used, int row) {
        if (row == s.length) {
            return total(s, p);
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < s.length; j++) {
            if (!used[j]) {
                used[j] = true;
                p[row] = j;
                best = Math.max(best, bruteForce(s, p, used, row + 1));
                used[j] = false;
            }
        }
        return best;
    }

    static ParameterSet mlp(long seed) {
        Random r = new Random(seed);
        int[] sizes = {5, 8, 6, 3};
        List<NamedTensor> tensors = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            float[] w = new float[sizes[l + 1] * sizes[l]];
            float[] b = new float[sizes[l + 1]];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) r.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float) r.nextGaussian();
            }
            tensors.add(NamedTensor.of(l + ".weight", new long[] {sizes[l + 1], sizes[l]}, w));
            tensors.add(NamedTensor.of(l + ".bias", new long[] {sizes[l + 1]}, b));
        }
        return ParameterSet.of(tensors);
    }

    /** A forward pass with ReLU between layers. */
    static double[] forward(ParameterSet p, double[] x) {
        double[] h = x;
        for (int l = 0; l < 3; l++) {
            NamedTensor w = p.get(l + ".weight");
            float[] b = p.get(l + ".bias").data();
            int out = (int) w.shape()[0];
            int in = (int) w.shape()[1];
            double[] y = new double[out];
            float[] wd = w.data();
            for (int i = 0; i < out; i++) {
                double s = b[i];
                for (int k = 0; k < in; k++) {
                    s += wd[i * in + k] * h[k];
                }
                y[i] = l < 2 ? Math.max(0, s) : s;
            }
            h = y;
        }
        return h;
    }

    static ParameterSet permuteHidden(ParameterSet p, int[] p0, int[] p1) {
        ParameterSet out = p;
        int[][] perms = {p0, p1};
        for (int l = 0; l < 3; l++) {
            NamedTensor w = p.get(l + ".weight");
            int rows = (int) w.shape()[0];
            int cols = (int) w.shape()[1];
            float[] x = w.data();
            float[] y = new float[x.length];
            for (int i = 0; i < rows; i++) {
                for (int k = 0; k < cols; k++) {
                    int si = l < 2 ? perms[l][i] : i;
                    int sk = l > 0 ? perms[l - 1][k] : k;
                    y[i * cols + k] = x[si * cols + sk];
                }
            }
            out = out.with(w.withData(y));
            if (l < 2) {
                float[] b = p.get(l + ".bias").data();
                float[] pb = new float[b.length];
                for (int i = 0; i < b.length; i++) {
                    pb[i] = b[perms[l][i]];
                }
                out = out.with(p.get(l + ".bias").withData(pb));
            }
        }
        return out;
    }

    @Test
    void weightMatchingUndoesAPermutationAndKeepsTheFunction() {
        ParameterSet a = mlp(3);
        ParameterSet b = permuteHidden(a, new int[] {3, 1, 7, 0, 2, 6, 5, 4}, new int[] {5, 0, 4, 1, 3, 2});
        WeightMatching.Result result = WeightMatching.mlp(a).seed(1).align(a, b);
        assertEquals(a, result.permuted());
        ParameterSet other = mlp(4);
        WeightMatching.Result aligned = WeightMatching.mlp(a).align(a, other);
        double[] x = {0.3, -1, 2, 0.5, -0.2};
        assertArrayEquals(forward(other, x), forward(aligned.permuted(), x), 1e-5);
        assertTrue(aligned.rounds() >= 1);
    }

    @Test
    void weightMatchingScoreIsTheSumOfProductsOverTouchingWeights() {
        ParameterSet a = mlp(5);
        ParameterSet b = mlp(6);
        int[] p0 = {1, 0, 2, 3, 4, 5, 6, 7};
        int[] p1 = {2, 1, 0, 3, 4, 5};
        ParameterSet permuted = permuteHidden(b, p0, p1);
        // the total <A, permuted B> over all weights and biases, as a function of p0 only
        double direct = 0;
        for (NamedTensor t : a) {
            float[] x = t.data();
            float[] y = permuted.get(t.name()).data();
            for (int i = 0; i < x.length; i++) {
                direct += (double) x[i] * y[i];
            }
        }
        float[][] wa = {a.get("0.weight").data(), a.get("1.weight").data(), a.get("2.weight").data()};
        float[][] wb = {b.get("0.weight").data(), b.get("1.weight").data(), b.get("2.weight").data()};
        float[][] ba = {a.get("0.bias").data(), a.get("1.bias").data(), a.get("2.bias").data()};
        float[][] bb = {b.get("0.bias").data(), b.get("1.bias").data(), b.get("2.bias").data()};
        int[] out = {8, 6, 3};
        int[] in = {5, 8, 6};
        double[][] s = WeightMatching.score(0, wa, wb, ba, bb, out, in, new int[][] {p0, p1});
        double layer0 = total(s, p0);
        // the terms not touching hidden layer 0: layer-1 bias, layer-2 weights and bias
        double rest = 0;
        for (String name : List.of("1.bias", "2.weight", "2.bias")) {
            float[] x = a.get(name).data();
            float[] y = permuted.get(name).data();
            for (int i = 0; i < x.length; i++) {
                rest += (double) x[i] * y[i];
            }
        }
        assertEquals(direct - rest, layer0, 1e-6 * Math.abs(direct));
    }

    /** Score of a merged checkpoint: minus its squared distance to {@code target}. */
    static ToDoubleFunction<Path> closeness(ParameterSet target) {
        return path -> {
            ParameterSet p = Models.read(path);
            double d = 0;
            for (NamedTensor t : target) {
                float[] x = t.data();
                float[] y = p.get(t.name()).data();
                for (int i = 0; i < x.length; i++) {
                    d += (x[i] - y[i]) * (x[i] - y[i]);
                }
            }
            return -d;
        };
    }

    @Test
    void greedySoupAddsInOrderOfScoreAndKeepsWhatDoesNotHurt() {
        ParameterSet target = Models.random(1, null, 1);
        List<Path> ingredients = new ArrayList<>();
        double[] noise = {0.1, 0.5, 0.12, 3.0};
        for (int i = 0; i < noise.length; i++) {
            ingredients.add(Models.write(dir.resolve("i" + i + ".safetensors"), Models.random(20 + i, target, noise[i])));
        }
        ToDoubleFunction<Path> score = closeness(target);
        GreedySoup.Result soup = GreedySoup.of(ingredients, score).workDirectory(dir.resolve("work")).progress(false).run();
        assertEquals(ingredients.get(0), soup.ranked().get(0).path());
        assertEquals(ingredients.get(3), soup.ranked().get(3).path());
        // a direct greedy pass over the same ranking
        List<Path> kept = new ArrayList<>(List.of(soup.ranked().get(0).path()));
        double best = soup.ranked().get(0).score();
        for (int i = 1; i < 4; i++) {
            List<Path> candidate = new ArrayList<>(kept);
            candidate.add(soup.ranked().get(i).path());
            Path trial = dir.resolve("trial" + i);
            GreedySoup.uniform(candidate, trial);
            double s = score.applyAsDouble(trial);
            if (s >= best) {
                kept = candidate;
                best = s;
            }
        }
        assertEquals(kept, soup.kept());
        assertEquals(best, soup.score(), 1e-9);
        assertTrue(!soup.kept().contains(ingredients.get(3)), "the far ingredient is left out");
        assertEquals(best, score.applyAsDouble(soup.soup()), 1e-9);
    }

    @Test
    void lcscFindsBetterCoefficientsThanTheUniformAverageAndIsSeeded() {
        ParameterSet a = Models.random(1, null, 1);
        ParameterSet b = Models.random(2, null, 1);
        ParameterSet c = Models.random(3, null, 1);
        List<Path> checkpoints = List.of(Models.write(dir.resolve("a.safetensors"), a),
                Models.write(dir.resolve("b.safetensors"), b), Models.write(dir.resolve("c.safetensors"), c));
        // target 0.7 a + 0.3 b
        ParameterSet target = a;
        for (NamedTensor t : a) {
            float[] x = t.data();
            float[] y = b.get(t.name()).data();
            for (int i = 0; i < x.length; i++) {
                x[i] = 0.7f * x[i] + 0.3f * y[i];
            }
            target = target.with(t.withData(x));
        }
        Lcsc.Result r1 = Lcsc.of(checkpoints, closeness(target)).workDirectory(dir.resolve("w1")).seed(5).budget(15, 6)
                .progress(false).run();
        Lcsc.Result r2 = Lcsc.of(checkpoints, closeness(target)).workDirectory(dir.resolve("w2")).seed(5).budget(15, 6)
                .progress(false).run();
        assertArrayEquals(r1.coefficients(), r2.coefficients());
        assertTrue(r1.score() > r1.uniformScore());
        assertEquals(1, r1.coefficients()[0] + r1.coefficients()[1] + r1.coefficients()[2], 1e-9);
        assertTrue(r1.coefficients()[0] > r1.coefficients()[2], java.util.Arrays.toString(r1.coefficients()));
        assertEquals(1 + 15 * 6, r1.evaluations());
        assertEquals(r1.score(), closeness(target).applyAsDouble(r1.merged()), 1e-6);
    }

    @Test
    void linearPathScoresEveryPointAndMeasuresTheBarrier() {
        ParameterSet a = Models.random(1, null, 1);
        ParameterSet b = Models.random(2, null, 1);
        Path pa = Models.write(dir.resolve("pa.safetensors"), a);
        Path pb = Models.write(dir.resolve("pb.safetensors"), b);
        // score: the first weight's value, linear in t, so no barrier; its square has one
        float a0 = a.get(Models.NAMES[0]).data()[0];
        float b0 = b.get(Models.NAMES[0]).data()[0];
        LinearPath.Result line = LinearPath.between(pa, pb).points(5).workDirectory(dir.resolve("lp"))
                .run(p -> Models.read(p).get(Models.NAMES[0]).data()[0]);
        for (int i = 0; i < 5; i++) {
            assertEquals((1 - i / 4.0) * a0 + i / 4.0 * b0, line.values()[i], 1e-6);
        }
        assertEquals(0, line.barrier(), 1e-6);
        LinearPath.Result bump = new LinearPath.Result(new double[] {0, 0.5, 1}, new double[] {1, 3, 2});
        assertEquals(1.5, bump.barrier(), 1e-12);
    }
}
