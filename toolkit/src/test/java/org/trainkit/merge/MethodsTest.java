package org.trainkit.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.checkpoint.ParameterSet;

/** Each method through the engine against a direct reference computation on small tensors. */
class MethodsTest {

    static final double TOL = 2e-5;

    @TempDir
    Path dir;

    ParameterSet base;
    List<ParameterSet> models = new ArrayList<>();
    Path basePath;
    List<Path> paths = new ArrayList<>();

    @BeforeEach
    void writeModels() {
        base = Models.random(1, null, 1.0);
        basePath = Models.write(dir.resolve("base.safetensors"), base);
        for (int i = 0; i < 3; i++) {
            ParameterSet m = Models.random(10 + i, base, 0.3);
            models.add(m);
            paths.add(Models.write(dir.resolve("m" + i + ".safetensors"), m));
        }
    }

    ParameterSet merge(MergeConfig config) {
        Path out = dir.resolve("out-" + System.nanoTime());
        Merger.of(config).progress(false).seed(7).run(out);
        return Models.read(out);
    }

    /** For each tensor, the merged values against {@code reference(name)} to float tolerance. */
    void assertMatches(ParameterSet merged, Function<String, double[]> reference) {
        for (String name : Models.NAMES) {
            double[] expected = reference.apply(name);
            double[] actual = Models.d(merged.get(name).data());
            assertArrayEquals(expected, actual, TOL * (1 + Reference.norm(expected)), name);
        }
    }

    double[] b(String name) {
        return Models.d(base.get(name).data());
    }

    double[] m(int i, String name) {
        return Models.d(models.get(i).get(name).data());
    }

    @Test
    void linearNormalisedAndNot() {
        double[] w = {1, 2, 0.5};
        MergeConfig.Builder c = MergeConfig.method("linear");
        for (int i = 0; i < 3; i++) {
            c.model(paths.get(i), "weight", w[i]);
        }
        assertMatches(merge(c.build()), name -> IntStream.range(0, b(name).length)
                .mapToDouble(j -> (w[0] * m(0, name)[j] + w[1] * m(1, name)[j] + w[2] * m(2, name)[j]) / 3.5).toArray());
        c.parameter("normalize", false);
        assertMatches(merge(c.build()), name -> IntStream.range(0, b(name).length)
                .mapToDouble(j -> w[0] * m(0, name)[j] + w[1] * m(1, name)[j] + w[2] * m(2, name)[j]).toArray());
    }

    @Test
    void theSameModelListedTwiceCountsTwice() {
        MergeConfig config = MergeConfig.method("linear").model(paths.get(0), "weight", 1.0)
                .model(paths.get(0), "weight", 1.0).model(paths.get(1), "weight", 1.0).build();
        assertMatches(merge(config), name -> IntStream.range(0, b(name).length)
                .mapToDouble(j -> (2 * m(0, name)[j] + m(1, name)[j]) / 3).toArray());
    }

    double[][] deltas(String name) {
        return IntStream.range(0, 3).mapToObj(i -> Reference.sub(m(i, name), b(name))).toArray(double[][]::new);
    }

    MergeConfig family(String method, double[] w, double density, Object... globals) {
        MergeConfig.Builder c = MergeConfig.method(method).base(basePath);
        for (int i = 0; i < 3; i++) {
            c.model(paths.get(i), "weight", w[i], "density", density);
        }
        for (int i = 0; i < globals.length; i += 2) {
            c.parameter((String) globals[i], globals[i + 1]);
        }
        return c.build();
    }

    @Test
    void taskArithmeticWithLambda() {
        double[] w = {1, 0.5, -0.25};
        MergeConfig.Builder c = MergeConfig.method("task_arithmetic").base(basePath).parameter("lambda", 0.7);
        for (int i = 0; i < 3; i++) {
            c.model(paths.get(i), "weight", w[i]);
        }
        assertMatches(merge(c.build()), name -> Reference.taskArithmetic(b(name), deltas(name), w, false, false, 0.7));
    }

    @Test
    void tiesKeepsTheTopDensityElectsTheSignAndNormalises() {
        double[] w = {1, 0.6, 0.8};
        double density = 0.4;
        assertMatches(merge(family("ties", w, density)), name -> {
            double[][] d = deltas(name);
            for (double[] delta : d) {
                boolean[] keep = Reference.topK(delta, (int) (density * delta.length));
                for (int j = 0; j < delta.length; j++) {
                    delta[j] = keep[j] ? delta[j] : 0;
                }
            }
            return Reference.taskArithmetic(b(name), d, w, true, true, 1);
        });
    }

    @Test
    void tiesWithDensityOneIsSignElectedTaskArithmetic() {
        double[] w = {1, 1, 1};
        assertMatches(merge(family("ties", w, 1.0, "normalize", false, "lambda", 0.5)),
                name -> Reference.taskArithmetic(b(name), deltas(name), w, true, false, 0.5));
    }

    @Test
    void breadcrumbsDropsLargestAndSmallest() {
        double[] w = {1, 1, 1};
        double density = 0.5;
        double gamma = 0.1;
        MergeConfig.Builder c = MergeConfig.method("breadcrumbs").base(basePath);
        for (int i = 0; i < 3; i++) {
            c.model(paths.get(i), "weight", 1.0, "density", density, "gamma", gamma);
        }
        assertMatches(merge(c.build()), name -> {
            double[][] d = deltas(name);
            for (double[] delta : d) {
                int n = delta.length;
                int keep = (int) (density * n);
                int top = (int) (gamma * n);
                boolean[] largest = Reference.topK(delta, top);
                boolean[] kept = Reference.topK(delta, top + keep);
                for (int j = 0; j < n; j++) {
                    delta[j] = kept[j] && !largest[j] ? delta[j] : 0;
                }
            }
            return Reference.taskArithmetic(b(name), d, w, false, false, 1);
        });
    }

    @Test
    void breadcrumbsWithNoTopFractionKeepsTheLargestInsteadOfZeroing() {
        float[] delta = {0.1f, -3f, 0.5f, 2f, -0.05f, 1f, 0.2f, -0.7f, 0.3f, 0.01f};
        boolean[] mask = TaskArithmetic.outlierMask(delta, 0.3, 0.0);
        boolean[] expected = new boolean[10];
        expected[1] = expected[3] = expected[5] = true; // |-3|, |2|, |1|
        assertArrayEquals(expected, mask);
        // and through the engine: gamma 0 leaves a non-zero task vector
        MergeConfig.Builder c = MergeConfig.method("breadcrumbs").base(basePath);
        c.model(paths.get(0), "weight", 1.0, "density", 0.5, "gamma", 0.0);
        ParameterSet merged = merge(c.build());
        double[] diff = Reference.sub(Models.d(merged.get(Models.NAMES[0]).data()), b(Models.NAMES[0]));
        assertTrue(Reference.norm(diff) > 0.1, "gamma 0 must not zero the tensor");
        long kept = java.util.Arrays.stream(diff).filter(x -> x != 0).count();
        assertEquals(12, kept); // half of 24
    }

    @Test
    void dareDropsAtRandomAndRescalesToTheL1Norm() {
        float[] delta = new float[20000];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < delta.length; i++) {
            delta[i] = (float) r.nextGaussian();
        }
        TensorJob job = job(Map.of("density", ParameterValue.of(0.3)), "dare_linear");
        float[] sparse = TaskArithmetic.sparsify(job, 0, delta.clone(), TaskArithmetic.Sparsifier.RANDOM, true);
        long kept = IntStream.range(0, delta.length).filter(i -> sparse[i] != 0).count();
        assertEquals(0.3, kept / (double) delta.length, 0.015);
        assertEquals(Kernels.l1(delta), Kernels.l1(sparse), 1e-3 * Kernels.l1(delta));
        double factor = Double.NaN;
        for (int i = 0; i < delta.length; i++) {
            if (sparse[i] != 0) {
                double f = sparse[i] / delta[i];
                if (Double.isNaN(factor)) {
                    factor = f;
                }
                assertEquals(factor, f, 1e-5);
            }
        }
        // the same seed and tensor give the same mask; another model index another
        float[] again = TaskArithmetic.sparsify(job, 0, delta.clone(), TaskArithmetic.Sparsifier.RANDOM, true);
        assertArrayEquals(sparse, again);
        float[] other = TaskArithmetic.sparsify(job, 1, delta.clone(), TaskArithmetic.Sparsifier.RANDOM, true);
        assertFalse(java.util.Arrays.equals(sparse, other));
    }

    TensorJob job(Map<String, ParameterValue> modelParameters, String method) {
        return new TensorJob("t", new long[] {20000}, 0, new float[20000], List.of(new float[20000], new float[20000]),
                List.of(modelParameters, modelParameters), Map.of(), MergeMethods.spec(method), 5);
    }

    @Test
    void dareThroughTheEngineIsBasePlusTheSumOfTheSparsifiedDeltas() {
        double[] w = {1, 0.5, 0.5};
        MergeConfig config = family("dare_linear", w, 0.5);
        ParameterSet merged = merge(config);
        // recompute each sparsified delta with the same seeded draws, then the sum
        assertMatches(merged, name -> {
            double[][] d = deltas(name);
            long[] shape = merged.get(name).shape();
            double[] out = b(name);
            for (int i = 0; i < 3; i++) {
                float[] delta = new float[d[i].length];
                for (int j = 0; j < delta.length; j++) {
                    delta[j] = (float) d[i][j];
                }
                Map<String, ParameterValue> p = Map.of("density", ParameterValue.of(0.5), "weight", ParameterValue.of(w[i]));
                TensorJob job = new TensorJob(name, shape, 0, null, List.of(), List.of(p, p, p), Map.of(),
                        MergeMethods.spec("dare_linear"), 7);
                float[] s = TaskArithmetic.sparsify(job, i, delta, TaskArithmetic.Sparsifier.RANDOM, true);
                for (int j = 0; j < out.length; j++) {
                    out[j] += w[i] * s[j];
                }
            }
            return out;
        });
    }

    @Test
    void dellaKeepProbabilityRisesWithMagnitudeRank() {
        int rows = 400;
        int cols = 50;
        float[] delta = new float[rows * cols];
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < delta.length; i++) {
            delta[i] = (float) r.nextGaussian();
        }
        Map<String, ParameterValue> p = Map.of("density", ParameterValue.of(0.5), "epsilon", ParameterValue.of(0.3));
        TensorJob job = new TensorJob("t", new long[] {rows, cols}, 0, null, List.of(), List.of(p), Map.of(),
                MergeMethods.spec("della"), 1);
        boolean[] mask = TaskArithmetic.dellaMask(job, 0, delta, 0.5, 0.3);
        int[] keptByRank = new int[cols];
        for (int row = 0; row < rows; row++) {
            float[] values = java.util.Arrays.copyOfRange(delta, row * cols, row * cols + cols);
            int[] ranks = Kernels.ranksByMagnitude(values);
            for (int c = 0; c < cols; c++) {
                if (mask[row * cols + c]) {
                    keptByRank[ranks[c]]++;
                }
            }
        }
        double low = IntStream.range(0, 10).map(i -> keptByRank[i]).sum() / (10.0 * rows);
        double high = IntStream.range(40, 50).map(i -> keptByRank[i]).sum() / (10.0 * rows);
        assertEquals(0.2 + 0.6 * 4.5 / 50, low, 0.04);
        assertEquals(0.2 + 0.6 * 44.5 / 50, high, 0.04);
        assertThrows(IllegalArgumentException.class, () -> TaskArithmetic.dellaMask(job, 0, delta, 0.1, 0.15));
    }

    @Test
    void dellaRejectsDensityPlusEpsilonOutsideTheUnitIntervalBeforeWriting() {
        MergeConfig.Builder c = MergeConfig.method("della").base(basePath);
        c.model(paths.get(0), "weight", 1.0, "density", 0.9, "epsilon", 0.2);
        Path out = dir.resolve("della-out");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Merger.of(c.build()).progress(false).run(out));
        assertTrue(e.getMessage().contains("epsilon"), e.getMessage());
        assertFalse(java.nio.file.Files.exists(out));
    }

    @Test
    void slerpFromTheBaseToTheModel() {
        MergeConfig config = MergeConfig.method("slerp").base(basePath).model(paths.get(0)).parameter("t", 0.3).build();
        assertMatches(merge(config), name -> Reference.slerp(0.3, b(name), m(0, name)));
        MergeConfig zero = MergeConfig.method("slerp").base(basePath).model(paths.get(0)).parameter("t", 0.0).build();
        assertMatches(merge(zero), this::b);
    }

    @Test
    void slerpOfNearlyParallelTensorsIsLerp() {
        float[] a = {1, 2, 3};
        float[] bb = {1.0001f, 2, 3};
        float[] out = Spherical.slerp(0.5, a, bb);
        assertEquals(1.00005, out[0], 1e-6);
    }

    @Test
    void nuslerpOfTaskVectorsFlattenedRowWiseAndColumnWise() {
        double[] w = {1, 3};
        double t = 0.75;
        for (int mode = 0; mode < 3; mode++) {
            boolean flatten = mode == 0;
            boolean rowWise = mode == 1;
            MergeConfig config = MergeConfig.method("nuslerp").base(basePath).model(paths.get(0), "weight", w[0])
                    .model(paths.get(1), "weight", w[1]).parameter("nuslerp_flatten", flatten)
                    .parameter("nuslerp_row_wise", rowWise).build();
            assertMatches(merge(config), name -> {
                double[] d0 = Reference.sub(m(0, name), b(name));
                double[] d1 = Reference.sub(m(1, name), b(name));
                long[] shape = base.get(name).shape();
                double[] out = new double[d0.length];
                if (flatten || shape.length == 1) {
                    out = slerpNoThreshold(t, d0, d1);
                } else {
                    int rows = (int) shape[0];
                    int cols = (int) shape[1];
                    int vectors = rowWise ? rows : cols;
                    int length = rowWise ? cols : rows;
                    for (int v = 0; v < vectors; v++) {
                        double[] x = new double[length];
                        double[] y = new double[length];
                        for (int k = 0; k < length; k++) {
                            int idx = rowWise ? v * cols + k : k * cols + v;
                            x[k] = d0[idx];
                            y[k] = d1[idx];
                        }
                        double[] s = slerpNoThreshold(t, x, y);
                        for (int k = 0; k < length; k++) {
                            out[rowWise ? v * cols + k : k * cols + v] = s[k];
                        }
                    }
                }
                double[] bb = b(name);
                for (int j = 0; j < out.length; j++) {
                    out[j] += bb[j];
                }
                return out;
            });
        }
    }

    static double[] slerpNoThreshold(double t, double[] a, double[] b) {
        double theta = Math.acos(Reference.dot(a, b) / (Reference.norm(a) * Reference.norm(b)));
        double s0 = Math.sin((1 - t) * theta) / Math.sin(theta);
        double s1 = Math.sin(t * theta) / Math.sin(theta);
        return IntStream.range(0, a.length).mapToDouble(i -> s0 * a[i] + s1 * b[i]).toArray();
    }

    /** The weighted spherical mean by the reference maps, {@code steps} fixed-point iterations. */
    double[] sphericalMean(double[][] x, double[] w, int steps) {
        double total = java.util.Arrays.stream(w).sum();
        double[] alpha = java.util.Arrays.stream(w).map(v -> v / total).toArray();
        double[][] u = java.util.Arrays.stream(x).map(Reference::unit).toArray(double[][]::new);
        double[] mu = new double[x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < mu.length; j++) {
                mu[j] += alpha[i] * u[i][j];
            }
        }
        mu = Reference.unit(mu);
        for (int s = 0; s < steps; s++) {
            double[] step = new double[mu.length];
            for (int i = 0; i < x.length; i++) {
                double[] l = Reference.log(mu, u[i]);
                for (int j = 0; j < mu.length; j++) {
                    step[j] += alpha[i] * l[j];
                }
            }
            if (Reference.norm(step) < 1e-5) {
                break;
            }
            mu = Reference.unit(Reference.exp(mu, step));
        }
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            scale += alpha[i] * Reference.norm(x[i]);
        }
        double f = scale;
        return java.util.Arrays.stream(mu).map(v -> v * f).toArray();
    }

    @Test
    void multislerpIsOneTangentStepFromTheWeightedMean() {
        double[] w = {1, 2, 0.5};
        MergeConfig.Builder c = MergeConfig.method("multislerp");
        for (int i = 0; i < 3; i++) {
            c.model(paths.get(i), "weight", w[i]);
        }
        assertMatches(merge(c.build()), name -> sphericalMean(new double[][] {m(0, name), m(1, name), m(2, name)}, w, 1));
    }

    @Test
    void karcherHonoursTheWeightsAndConverges() {
        double[] w = {1, 2, 0.5};
        MergeConfig.Builder c = MergeConfig.method("karcher").parameter("max_iter", 50);
        for (int i = 0; i < 3; i++) {
            c.model(paths.get(i), "weight", w[i]);
        }
        ParameterSet weighted = merge(c.build());
        assertMatches(weighted, name -> sphericalMean(new double[][] {m(0, name), m(1, name), m(2, name)}, w, 50));
        // the defining condition: at the mean the weighted logs sum to (nearly) zero
        for (String name : Models.NAMES) {
            double[] mu = Reference.unit(Models.d(weighted.get(name).data()));
            double[] sum = new double[mu.length];
            for (int i = 0; i < 3; i++) {
                double[] l = Reference.log(mu, Reference.unit(m(i, name)));
                for (int j = 0; j < mu.length; j++) {
                    sum[j] += w[i] / 3.5 * l[j];
                }
            }
            assertTrue(Reference.norm(sum) < 1e-4, name + ": " + Reference.norm(sum));
        }
        // weights matter (the popular tool ignores them)
        MergeConfig.Builder equal = MergeConfig.method("karcher").parameter("max_iter", 50);
        for (int i = 0; i < 3; i++) {
            equal.model(paths.get(i), "weight", 1.0);
        }
        ParameterSet unweighted = merge(equal.build());
        assertFalse(java.util.Arrays.equals(weighted.get(Models.NAMES[0]).data(), unweighted.get(Models.NAMES[0]).data()));
    }

    @Test
    void modelStockInterpolatesByTheMeanCosine() {
        MergeConfig config = MergeConfig.method("model_stock").base(basePath).model(paths.get(0)).model(paths.get(1))
                .model(paths.get(2)).build();
        assertMatches(merge(config), name -> {
            double[][] d = deltas(name);
            double cos = (cosine(d[0], d[1]) + cosine(d[0], d[2]) + cosine(d[1], d[2])) / 3;
            cos = Math.max(0, cos);
            double t = 3 * cos / (1 + 2 * cos);
            double[] bb = b(name);
            return IntStream.range(0, bb.length)
                    .mapToDouble(j -> t * (m(0, name)[j] + m(1, name)[j] + m(2, name)[j]) / 3 + (1 - t) * bb[j]).toArray();
        });
    }

    static double cosine(double[] a, double[] b) {
        return Reference.dot(a, b) / (Reference.norm(a) * Reference.norm(b));
    }

    @Test
    void modelStockWithNegativeMeanCosineStaysAtTheBase() {
        // model 1 = base - (model 0 - base): opposite task vectors, cosine -1
        ParameterSet mirror = base;
        for (String name : Models.NAMES) {
            float[] bb = base.get(name).data();
            float[] m0 = models.get(0).get(name).data();
            float[] x = new float[bb.length];
            for (int j = 0; j < x.length; j++) {
                x[j] = 2 * bb[j] - m0[j];
            }
            mirror = mirror.with(base.get(name).withData(x));
        }
        Path mirrorPath = Models.write(dir.resolve("mirror.safetensors"), mirror);
        MergeConfig config = MergeConfig.method("model_stock").base(basePath).model(paths.get(0)).model(mirrorPath).build();
        assertMatches(merge(config), this::b);
    }

    @Test
    void passthroughScales() {
        MergeConfig config = MergeConfig.method("passthrough").model(paths.get(1), "scale", 0.5).build();
        assertMatches(merge(config), name -> java.util.Arrays.stream(m(1, name)).map(v -> v * 0.5).toArray());
    }

    @Test
    void emaIsTheRecursiveMovingAverage() {
        double decay = 0.6;
        MergeConfig.Builder c = MergeConfig.method("ema").parameter("decay", decay);
        paths.forEach(p -> c.model(p));
        assertMatches(merge(c.build()), name -> {
            double[] e = m(0, name);
            for (int i = 1; i < 3; i++) {
                double[] x = m(i, name);
                for (int j = 0; j < e.length; j++) {
                    e[j] = decay * e[j] + (1 - decay) * x[j];
                }
            }
            return e;
        });
    }

    @Test
    void metricsWeightedAveragingByLossFromTheCheckpointMetadata() {
        double[] losses = {0.5, 0.25, 1.0};
        List<Path> withLoss = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            withLoss.add(Models.write(dir.resolve("c" + i + ".safetensors"), models.get(i), org.trainkit.checkpoint.DType.F32,
                    Map.of("loss", Double.toString(losses[i]), "step", Integer.toString(100 * (i + 1)))));
        }
        double penalty = 2;
        MergeConfig.Builder c = MergeConfig.method("mwa_loss").parameter("penalty", penalty);
        withLoss.forEach(p -> c.model(p));
        // w_i = (min L / L_i)^p = (0.5, 1, 0.25)^2 = 0.25, 1, 0.0625, normalised
        double[] w = {0.25, 1, 0.0625};
        double total = 1.3125;
        assertMatches(merge(c.build()), name -> IntStream.range(0, b(name).length)
                .mapToDouble(j -> (w[0] * m(0, name)[j] + w[1] * m(1, name)[j] + w[2] * m(2, name)[j]) / total).toArray());
        MergeConfig.Builder s = MergeConfig.method("mwa_step").parameter("penalty", 1);
        withLoss.forEach(p -> s.model(p));
        assertMatches(merge(s.build()), name -> IntStream.range(0, b(name).length)
                .mapToDouble(j -> (1 * m(0, name)[j] + 2 * m(1, name)[j] + 3 * m(2, name)[j]) / 6).toArray());
        // without the metadata or a parameter, the error names the key
        MergeConfig.Builder missing = MergeConfig.method("mwa_loss");
        paths.forEach(p -> missing.model(p));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> merge(missing.build()));
        assertTrue(e.getMessage().contains("loss"), e.getMessage());
    }

    @Test
    void metricWeightsLimits() {
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, MergeMethods.metricWeights(new double[] {1, 2, 3}, true, 0), 1e-12);
        double[] sharp = MergeMethods.metricWeights(new double[] {1, 2, 3}, true, 60);
        assertEquals(1, sharp[0], 1e-12);
        double[] late = MergeMethods.metricWeights(new double[] {1, 2, 3}, false, 60);
        assertEquals(1, late[2], 1e-9);
        assertThrows(IllegalArgumentException.class, () -> MergeMethods.metricWeights(new double[] {1, -1}, true, 1));
    }

    @Test
    void gradientAndFilterParametersResolvePerTensor() {
        // weight of model 1 = 0 on layer 0 and 1 on layer 1 (a gradient); filter: biases get t = 0
        ParameterValue t = new ParameterValue.Filtered(List.of(
                new ParameterValue.FilterEntry("bias", ParameterValue.of(0)),
                new ParameterValue.FilterEntry(null, ParameterValue.gradient(0.2, 0.8))));
        MergeConfig config = MergeConfig.method("slerp").base(basePath).model(paths.get(0)).parameter("t", t).build();
        ParameterSet merged = merge(config);
        assertMatches(merged, name -> name.endsWith("bias") ? b(name)
                : Reference.slerp(name.startsWith("layers.0") ? 0.2 : 0.8, b(name), m(0, name)));
    }
}
