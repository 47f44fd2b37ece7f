package org.trainkit.merge;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The hot kernels of merging in plain Java (the toolkit's {@link Kernels} and
 * {@link WeightMatching}), ND4J (1.0.0-M2.1, native CPU backend with OpenBLAS) and DJL's NDArray
 * (PyTorch engine): element-wise combination of three tensors, the top-k mask by magnitude, and the
 * matrix product of weight matching. Each library is timed twice: from and back to Java arrays (what
 * the merge engine has: floats read from memory-mapped files, floats written to a sink) and on
 * arrays already inside the library. Median of 7 timed runs after 3 warm-ups. Benchmark-only:
 * {@code mvn -o -pl toolkit -Pbench-nd4j test-compile} then run as toolkit/BENCHMARKS.md says.
 */
public final class MergeKernelsBenchmark {

    private static final int N = 4 << 20; // 4M floats = one 16 MiB tensor
    private static final int UNITS = 512;
    private static final int INPUTS = 784;

    private MergeKernelsBenchmark() {
    }

    public static void main(String[] args) {
        Random r = new Random(1);
        float[] a = gaussian(r, N);
        float[] b = gaussian(r, N);
        float[] c = gaussian(r, N);
        int k = N / 2;
        float[] wa = gaussian(r, UNITS * INPUTS);
        float[] wb = gaussian(r, UNITS * INPUTS);
        System.out.printf(Locale.ROOT, "element-wise w0 a + w1 b + w2 c over %d floats; top-%d mask by |x| of %d floats;"
                + " matrix product [%d x %d] x [%d x %d]^T%n", N, k, N, UNITS, INPUTS, UNITS, INPUTS);

        // plain Java
        time("java  combine", () -> {
            float[] out = new float[N];
            Kernels.addScaled(out, a, 0.5f);
            Kernels.addScaled(out, b, 0.3f);
            Kernels.addScaled(out, c, 0.2f);
            return out;
        });
        time("java  top-k mask", () -> Kernels.topK(a, k));
        time("java  matmul (weight matching)", () -> javaMatmul(wa, wb));

        // ND4J
        Nd4j.create(1);
        INDArray na = Nd4j.createFromArray(a);
        INDArray nb = Nd4j.createFromArray(b);
        INDArray nc = Nd4j.createFromArray(c);
        time("nd4j  combine (from/to float[])", () -> {
            INDArray x = Nd4j.createFromArray(a).muli(0.5f);
            x.addi(Nd4j.createFromArray(b).muli(0.3f));
            x.addi(Nd4j.createFromArray(c).muli(0.2f));
            return x.toFloatVector();
        });
        time("nd4j  combine (in library)", () -> na.mul(0.5f).addi(nb.mul(0.3f)).addi(nc.mul(0.2f)));
        time("nd4j  top-k mask (from/to float[])", () -> {
            INDArray abs = Transforms.abs(Nd4j.createFromArray(a));
            INDArray sorted = Nd4j.sort(abs.dup(), false);
            double threshold = sorted.getDouble(k - 1);
            return abs.gte(threshold).castTo(DataType.BOOL).toIntVector();
        });
        time("nd4j  top-k mask (in library)", () -> {
            INDArray abs = Transforms.abs(na);
            INDArray sorted = Nd4j.sort(abs.dup(), false);
            return abs.gte(sorted.getDouble(k - 1));
        });
        INDArray nwa = Nd4j.createFromArray(wa).reshape(UNITS, INPUTS);
        INDArray nwb = Nd4j.createFromArray(wb).reshape(UNITS, INPUTS);
        time("nd4j  matmul (from/to float[])", () -> Nd4j.createFromArray(wa).reshape(UNITS, INPUTS)
                .mmul(Nd4j.createFromArray(wb).reshape(UNITS, INPUTS).transpose()).toFloatMatrix());
        time("nd4j  matmul (in library)", () -> nwa.mmul(nwb.transpose()));

        // DJL NDArray (PyTorch)
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray da = manager.create(a);
            NDArray db = manager.create(b);
            NDArray dc = manager.create(c);
            NDArray dwa = manager.create(wa, new Shape(UNITS, INPUTS));
            NDArray dwb = manager.create(wb, new Shape(UNITS, INPUTS));
            time("djl   combine (from/to float[])", () -> {
                try (NDManager m = manager.newSubManager()) {
                    NDArray x = m.create(a).mul(0.5f).add(m.create(b).mul(0.3f)).add(m.create(c).mul(0.2f));
                    return x.toFloatArray();
                }
            });
            time("djl   combine (in library)", () -> {
                try (NDManager m = manager.newSubManager()) {
                    NDArray x = da.mul(0.5f);
                    x.attach(m);
                    return x.add(db.mul(0.3f)).add(dc.mul(0.2f)).getShape();
                }
            });
            time("djl   top-k mask (from/to float[])", () -> {
                try (NDManager m = manager.newSubManager()) {
                    NDArray abs = m.create(a).abs();
                    NDList top = abs.topK(k, 0, true, false);
                    float threshold = top.get(0).min().getFloat();
                    return abs.gte(threshold).toBooleanArray();
                }
            });
            time("djl   top-k mask (in library)", () -> {
                try (NDManager m = manager.newSubManager()) {
                    NDArray abs = da.abs();
                    abs.attach(m);
                    NDList top = abs.topK(k, 0, true, false);
                    top.attach(m);
                    return abs.gte(top.get(0).min().getFloat()).getShape();
                }
            });
            time("djl   matmul (from/to float[])", () -> {
                try (NDManager m = manager.newSubManager()) {
                    return m.create(wa, new Shape(UNITS, INPUTS)).matMul(m.create(wb, new Shape(UNITS, INPUTS)).transpose())
                            .toFloatArray();
                }
            });
            time("djl   matmul (in library)", () -> {
                try (NDManager m = manager.newSubManager()) {
                    NDArray x = dwa.matMul(dwb.transpose());
                    x.attach(m);
                    return x.getShape();
                }
            });
        }
    }

    /** The product as weight matching computes it: rows of A against rows of B, float64 sums. */
    static double[][] javaMatmul(float[] a, float[] b) {
        double[][] s = new double[UNITS][UNITS];
        for (int i = 0; i < UNITS; i++) {
            for (int j = 0; j < UNITS; j++) {
                double d = 0;
                int oa = i * INPUTS;
                int ob = j * INPUTS;
                for (int x = 0; x < INPUTS; x++) {
                    d += a[oa + x] * b[ob + x];
                }
                s[i][j] = d;
            }
        }
        return s;
    }

    private static float[] gaussian(Random r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextGaussian();
        }
        return x;
    }

    private static void time(String label, Supplier<Object> kernel) {
        for (int i = 0; i < 3; i++) {
            kernel.get();
        }
        double[] ms = new double[7];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            Object result = kernel.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (result == null) {
                throw new IllegalStateException(label);
            }
        }
        java.util.Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-40s median %8.2f ms  (min %.2f, max %.2f)%n", label, ms[3], ms[0], ms[6]);
    }
}
