package org.trainkit.merge;

import java.util.SplittableRandom;

/**
 * The generalised task-arithmetic family of the popular Python merge tool: each task vector
 * {@code delta_i = theta_i - theta_base} is sparsified (by magnitude for TIES, Yadav et al. 2023; at
 * random for DARE, Yu et al. 2024; dropping outliers for breadcrumbs, Davari and Belilovsky 2024;
 * by magnitude-ranked keep probabilities for DELLA, Deep et al. 2024), multiplied by its weight,
 * optionally masked to the elected sign, summed, divided by the sum of the kept weights when
 * normalising, scaled by lambda and added to the base (Ilharco et al. 2023 for plain task
 * arithmetic). REFERENCES.md section 4 gives each variant's defaults.
 */
final class TaskArithmetic {

    /** How the deltas are sparsified. */
    enum Sparsifier {
        NONE, MAGNITUDE, RANDOM, MAGNITUDE_OUTLIERS, DELLA
    }

    private TaskArithmetic() {
    }

    static float[] merge(TensorJob job, Sparsifier sparsifier, boolean consensus) {
        float[] base = job.base();
        int n = base.length;
        int k = job.size();
        boolean rescale = job.flag("rescale");
        float[][] weighted = new float[k][];
        float[] weights = new float[k];
        for (int i = 0; i < k; i++) {
            // the job's arrays are this tensor's own: the delta, its mask and its weight are applied in place
            float[] delta = job.models().get(i);
            for (int j = 0; j < n; j++) {
                delta[j] -= base[j];
            }
            delta = sparsify(job, i, delta, sparsifier, rescale);
            float w = (float) job.model(i, "weight");
            weights[i] = w;
            for (int j = 0; j < n; j++) {
                delta[j] *= w;
            }
            weighted[i] = delta;
        }
        boolean normalize = job.flag("normalize");
        float lambda = (float) job.global("lambda");
        float[] out = job.output();
        if (consensus) {
            elect(base, weighted, weights, normalize, lambda, out);
            return out;
        }
        // model-outer, element-inner loops over flat arrays, so that the JIT vectorises them
        float total = 0;
        for (int j = 0; j < n; j++) {
            out[j] = 0f + weighted[0][j];
        }
        total += weights[0];
        for (int i = 1; i < k; i++) {
            float[] d = weighted[i];
            for (int j = 0; j < n; j++) {
                out[j] += d[j];
            }
            total += weights[i];
        }
        float divisor = Math.abs(total) < 1e-8 ? 1f : total;
        for (int j = 0; j < n; j++) {
            float m = normalize ? out[j] / divisor : out[j];
            out[j] = base[j] + lambda * m;
        }
        return out;
    }

    /** Elements per block of the sign election: its three arrays stay in the first-level cache. */
    private static final int BLOCK = 2048;

    /**
     * TIES' sign election and disjoint mean into {@code out}: per element the sign of the summed
     * weighted deltas (0 counts as positive), the sum of the deltas that have that sign (not zero),
     * divided by the sum of their weights when normalising (1 when none agree), times lambda, plus
     * the base. Done in blocks, model-outer and element-inner within each, so that the loops
     * vectorise and the per-element sums stay in cache rather than in three tensor-sized arrays.
     */
    private static void elect(float[] base, float[][] weighted, float[] weights, boolean normalize, float lambda,
            float[] out) {
        int n = base.length;
        float[] sign = new float[BLOCK];
        float[] mixed = new float[BLOCK];
        float[] divisor = new float[BLOCK];
        for (int start = 0; start < n; start += BLOCK) {
            int len = Math.min(BLOCK, n - start);
            java.util.Arrays.fill(sign, 0, len, 0f);
            java.util.Arrays.fill(mixed, 0, len, 0f);
            java.util.Arrays.fill(divisor, 0, len, 0f);
            for (float[] d : weighted) {
                for (int j = 0; j < len; j++) {
                    sign[j] += d[start + j];
                }
            }
            for (int j = 0; j < len; j++) {
                sign[j] = sign[j] >= 0 ? 1f : -1f; // the elected sign
            }
            for (int i = 0; i < weighted.length; i++) {
                float[] d = weighted[i];
                int w = Float.floatToRawIntBits(weights[i]);
                for (int j = 0; j < len; j++) {
                    // agrees: d * sign > 0 (the elected sign, not zero, not NaN), as a bit mask, not a branch
                    int bits = Float.floatToRawIntBits(d[start + j]);
                    int same = ~((bits ^ Float.floatToRawIntBits(sign[j])) >> 31);
                    int belowMagnitude = (bits & 0x7fffffff) - 1; // in [0, 0x7f800000) unless zero or NaN
                    int agrees = same & ~(belowMagnitude >> 31) & ((belowMagnitude - 0x7f800000) >> 31);
                    mixed[j] += Float.intBitsToFloat(bits & agrees);
                    divisor[j] += Float.intBitsToFloat(w & agrees);
                }
            }
            for (int j = 0; j < len; j++) {
                float div = divisor[j] == 0 ? 1f : divisor[j];
                float m = normalize ? mixed[j] / div : mixed[j];
                out[start + j] = base[start + j] + lambda * m;
            }
        }
    }

    /** Sparsifies {@code delta} in place (and returns it). */
    static float[] sparsify(TensorJob job, int model, float[] delta, Sparsifier sparsifier, boolean rescale) {
        if (sparsifier == Sparsifier.NONE) {
            return delta;
        }
        double density = job.model(model, "density");
        if (density >= 1) {
            return delta;
        }
        if (density < 0) {
            throw new IllegalArgumentException(job.name() + ": density must be in [0, 1], got " + density);
        }
        return switch (sparsifier) {
            case MAGNITUDE -> Kernels.keepTopK(delta, (int) (density * delta.length), rescale);
            case RANDOM -> Kernels.maskedL1Rescaled(delta, bernoulli(job.random(model), delta.length, density), rescale);
            case MAGNITUDE_OUTLIERS -> Kernels.maskedL1Rescaled(delta,
                    outlierMask(delta, density, job.model(model, "gamma")), rescale);
            case DELLA -> Kernels.maskedL1Rescaled(delta,
                    dellaMask(job, model, delta, density, job.model(model, "epsilon")), rescale);
            case NONE -> delta;
        };
    }

    static boolean[] bernoulli(SplittableRandom random, int n, double p) {
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < p;
        }
        return mask;
    }

    /**
     * Breadcrumbs: drop the {@code int(gamma n)} entries of largest magnitude and the smallest ones
     * beyond the {@code int(density n)} kept. The popular tool keeps the slice {@code [bottom:-top]}
     * of the sorted indices, which is empty when the top count is 0 and so zeroes the whole tensor;
     * here the kept range is {@code [bottom, n - top)}, and gamma 0 keeps the largest entries.
     */
    static boolean[] outlierMask(float[] delta, double density, double gamma) {
        int n = delta.length;
        int keep = (int) (density * n);
        int top = (int) (gamma * n);
        if (top + keep > n) {
            top = n - keep;
        }
        int bottom = n - keep - top;
        boolean[] aboveBottom = Kernels.topK(delta, n - bottom);
        boolean[] inTop = Kernels.topK(delta, top);
        boolean[] mask = new boolean[n];
        for (int i = 0; i < n; i++) {
            mask[i] = aboveBottom[i] && !inTop[i];
        }
        return mask;
    }

    /**
     * DELLA: within each row (the last dimension), entry with magnitude rank r (0 smallest) of n is
     * kept with probability {@code (density - epsilon) + 2 epsilon r / n}.
     */
    static boolean[] dellaMask(TensorJob job, int model, float[] delta, double density, double epsilon) {
        if (density - epsilon <= 0 || density + epsilon >= 1) {
            throw new IllegalArgumentException(job.name() + ": della needs density - epsilon and density + epsilon in (0, 1),"
                    + " got density " + density + ", epsilon " + epsilon);
        }
        int row = job.rowLength();
        SplittableRandom random = job.random(model);
        boolean[] mask = new boolean[delta.length];
        float[] values = new float[row];
        for (int start = 0; start < delta.length; start += row) {
            System.arraycopy(delta, start, values, 0, row);
            int[] ranks = Kernels.ranksByMagnitude(values);
            for (int r = 0; r < row; r++) {
                double p = (density - epsilon) + 2 * epsilon * ranks[r] / row;
                mask[start + r] = random.nextDouble() < p;
            }
        }
        return mask;
    }
}
