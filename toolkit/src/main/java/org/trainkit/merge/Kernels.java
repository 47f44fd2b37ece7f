package org.trainkit.merge;

import java.util.Arrays;

/**
 * The hot loops of merging on float32 arrays, accumulating in float64 where a sum over a whole
 * tensor is taken (dot products, norms, L1 sums). Plain Java: measured against ND4J and DJL's
 * NDArray (MergeKernelsBenchmark, toolkit/BENCHMARKS.md), these loops were the fastest for the
 * element-wise combination and for the top-k mask by magnitude of tensors streamed from
 * memory-mapped files (the libraries' copies in and out, and their sorts, cost more than the
 * arithmetic); the matrix products of weight matching go to DJL, which was fastest there.
 */
final class Kernels {

    /** Per-thread scratch for selections, grown to the largest tensor seen (one per pool thread). */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

    private Kernels() {
    }

    /** {@code acc[i] += w * x[i]}. */
    static void addScaled(float[] acc, float[] x, float w) {
        for (int i = 0; i < acc.length; i++) {
            acc[i] += w * x[i];
        }
    }

    /** {@code sum_i x[i] * y[i]} in float64. */
    static double dot(float[] x, float[] y) {
        double s0 = 0;
        double s1 = 0;
        int n = x.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += (double) x[i] * y[i];
            s1 += (double) x[i + 1] * y[i + 1];
        }
        if (i < n) {
            s0 += (double) x[i] * y[i];
        }
        return s0 + s1;
    }

    /** The Euclidean norm in float64. */
    static double norm(float[] x) {
        return Math.sqrt(dot(x, x));
    }

    /** {@code sum_i |x[i]|} in float64. */
    static double l1(float[] x) {
        double s = 0;
        for (float v : x) {
            s += Math.abs(v);
        }
        return s;
    }

    /** {@code a - b}, element-wise, as a new array. */
    static float[] minus(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /**
     * A mask of the {@code k} entries of largest magnitude: those above the k-th largest |x|, and
     * of those equal to it the first ones in index order. Linear time (a selection, not a sort).
     */
    static boolean[] topK(float[] x, int k) {
        int n = x.length;
        boolean[] keep = new boolean[n];
        if (k <= 0) {
            return keep;
        }
        if (k >= n) {
            Arrays.fill(keep, true);
            return keep;
        }
        float threshold = kthLargestMagnitude(x, k);
        int above = 0;
        for (int i = 0; i < n; i++) {
            boolean larger = Math.abs(x[i]) > threshold; // branch-free: a comparison stored, not a jump
            keep[i] = larger;
            above += larger ? 1 : 0;
        }
        int ties = k - above;
        for (int i = 0; i < n && ties > 0; i++) {
            if (!keep[i] && Math.abs(x[i]) == threshold) {
                keep[i] = true;
                ties--;
            }
        }
        return keep;
    }

    /**
     * Keeps the {@code k} entries of largest magnitude of {@code x} and zeroes the others, in place
     * (the same entries as {@link #topK}: ties at the k-th magnitude kept in index order), then
     * (when {@code rescale}) scales the kept ones so that the L1 norm is the original's, as
     * {@link #maskedL1Rescaled} does. No mask array: one selection, one pass that keeps
     * {@code |x| >= threshold}, and a second pass only when more entries tie at the threshold than
     * are kept. Returns {@code x}.
     */
    static float[] keepTopK(float[] x, int k, boolean rescale) {
        int n = x.length;
        if (k >= n) {
            return x;
        }
        double original = rescale ? l1(x) : 0;
        if (k <= 0) {
            Arrays.fill(x, 0f);
        } else {
            int[] selected = select(x, k);
            float threshold = Float.intBitsToFloat(selected[0]);
            int allTies = selected[2];
            // |x| >= threshold, NaN dropped, without a branch (on random data one mispredicts half the time)
            int low = selected[0];
            int nans = 0;
            for (int i = 0; i < n; i++) {
                int bits = Float.floatToRawIntBits(x[i]);
                int magnitude = bits & 0x7fffffff;
                int keep = ~(((magnitude - low) | (0x7f800000 - magnitude)) >> 31);
                nans += (0x7f800000 - magnitude) >>> 31;
                x[i] = Float.intBitsToFloat(bits & keep);
            }
            // as topK: the selection ranks NaN above everything, topK's count of larger entries leaves NaN out
            int keptTies = Math.min(allTies, selected[1] + nans);
            if (allTies > keptTies) {
                int seen = 0;
                for (int i = 0; i < n; i++) {
                    if (Math.abs(x[i]) == threshold && seen++ >= keptTies) {
                        x[i] = 0f;
                    }
                }
            }
        }
        if (rescale) {
            double kept = l1(x);
            if (original >= 1e-8 && kept >= 1e-8) {
                float factor = (float) (original / kept);
                for (int i = 0; i < n; i++) {
                    x[i] *= factor;
                }
            }
        }
        return x;
    }

    /**
     * The k-th largest |x[i]| (k from 1), by a radix selection on the bits of |x| (for non-negative
     * floats the bit patterns order as the values): a histogram of the top 11 bits finds the bucket
     * holding the k-th largest, the few candidates in it are kept, and two more histograms (11 and 9
     * bits) pin the exact value. Three branch-free counting passes, no sort and no comparison-based
     * selection, which mispredicts on random data.
     */
    static float kthLargestMagnitude(float[] x, int k) {
        return Float.intBitsToFloat(select(x, k)[0]);
    }

    /**
     * The radix selection of {@link #kthLargestMagnitude}: the bits of the k-th largest |x|, how
     * many entries of that magnitude the top k take (k minus those strictly larger), and how many
     * entries have it.
     */
    private static int[] select(float[] x, int k) {
        int[] candidates = SCRATCH.get();
        if (candidates.length < x.length) {
            candidates = new int[x.length];
            SCRATCH.set(candidates);
        }
        int[] histogram = new int[2048];
        for (float v : x) {
            histogram[(Float.floatToRawIntBits(v) & 0x7fffffff) >>> 20]++;
        }
        int remaining = k;
        int bucket = 2047;
        while (histogram[bucket] < remaining) {
            remaining -= histogram[bucket--];
        }
        int count = 0;
        for (float v : x) {
            int bits = Float.floatToRawIntBits(v) & 0x7fffffff;
            if ((bits >>> 20) == bucket) {
                candidates[count++] = bits;
            }
        }
        int prefix = bucket;
        int[] shifts = {9, 0};
        int[] widths = {11, 9};
        for (int pass = 0; pass < 2; pass++) {
            int shift = shifts[pass];
            int mask = (1 << widths[pass]) - 1;
            java.util.Arrays.fill(histogram, 0);
            for (int i = 0; i < count; i++) {
                histogram[(candidates[i] >>> shift) & mask]++;
            }
            bucket = mask;
            while (histogram[bucket] < remaining) {
                remaining -= histogram[bucket--];
            }
            prefix = (prefix << widths[pass]) | bucket;
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (((candidates[i] >>> shift) & mask) == bucket) {
                    candidates[kept++] = candidates[i];
                }
            }
            count = kept;
        }
        return new int[] {prefix, remaining, count};
    }

    /** The rank of each |x[i]| among its row's, 0 for the smallest (ties by index). */
    static int[] ranksByMagnitude(float[] row) {
        Integer[] order = new Integer[row.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Float.compare(Math.abs(row[a]), Math.abs(row[b]));
            return c != 0 ? c : Integer.compare(a, b);
        });
        int[] ranks = new int[row.length];
        for (int r = 0; r < order.length; r++) {
            ranks[order[r]] = r;
        }
        return ranks;
    }

    /**
     * Zeroes the entries of {@code x} outside {@code mask}, in place, then (when {@code rescale})
     * scales it so that its L1 norm equals the original's (the rescale of the popular merge tool),
     * unless either norm is below 1e-8. Returns {@code x}.
     */
    static float[] maskedL1Rescaled(float[] x, boolean[] mask, boolean rescale) {
        double original = rescale ? l1(x) : 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = mask[i] ? x[i] : 0f;
        }
        if (rescale) {
            double kept = l1(x);
            if (original >= 1e-8 && kept >= 1e-8) {
                float factor = (float) (original / kept);
                for (int i = 0; i < x.length; i++) {
                    x[i] *= factor;
                }
            }
        }
        return x;
    }
}
