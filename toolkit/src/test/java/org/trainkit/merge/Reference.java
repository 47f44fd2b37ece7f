package org.trainkit.merge;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Direct, unoptimised reference computations of the merge formulas in float64 (sorting instead of
 * selection, no shared code with the engine), for the tests to compare against.
 */
final class Reference {

    private Reference() {
    }

    static double[] sub(double[] a, double[] b) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i] - b[i]).toArray();
    }

    static double dot(double[] a, double[] b) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i] * b[i]).sum();
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** Keep the top k by |x| (sorted by magnitude descending, ties by index). */
    static boolean[] topK(double[] x, int k) {
        Integer[] idx = IntStream.range(0, x.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -Math.abs(x[i])).thenComparingInt(i -> i));
        boolean[] keep = new boolean[x.length];
        for (int i = 0; i < k; i++) {
            keep[idx[i]] = true;
        }
        return keep;
    }

    /** The generalised task arithmetic of REFERENCES.md section 4, with given sparsified deltas. */
    static double[] taskArithmetic(double[] base, double[][] deltas, double[] w, boolean consensus, boolean normalize,
            double lambda) {
        int n = base.length;
        double[] out = new double[n];
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i = 0; i < deltas.length; i++) {
                sum += w[i] * deltas[i][j];
            }
            double sign = sum >= 0 ? 1 : -1;
            double mixed = 0;
            double divisor = 0;
            for (int i = 0; i < deltas.length; i++) {
                double v = w[i] * deltas[i][j];
                boolean kept = !consensus || Math.signum(v) == sign;
                if (kept) {
                    mixed += v;
                    divisor += w[i];
                }
            }
            if (consensus ? divisor == 0 : Math.abs(divisor) < 1e-8) {
                divisor = 1;
            }
            out[j] = base[j] + lambda * (normalize ? mixed / divisor : mixed);
        }
        return out;
    }

    static double[] slerp(double t, double[] a, double[] b) {
        double cos = dot(a, b) / (norm(a) * norm(b));
        if (Math.abs(cos) > 0.9995) {
            return IntStream.range(0, a.length).mapToDouble(i -> (1 - t) * a[i] + t * b[i]).toArray();
        }
        double theta = Math.acos(cos);
        double s0 = Math.sin((1 - t) * theta) / Math.sin(theta);
        double s1 = Math.sin(t * theta) / Math.sin(theta);
        return IntStream.range(0, a.length).mapToDouble(i -> s0 * a[i] + s1 * b[i]).toArray();
    }

    /** Exponential map on the unit sphere at mu. */
    static double[] exp(double[] mu, double[] v) {
        double s = norm(v);
        if (s < 1e-15) {
            return mu.clone();
        }
        return IntStream.range(0, mu.length).mapToDouble(i -> Math.cos(s) * mu[i] + Math.sin(s) * v[i] / s).toArray();
    }

    /** Logarithm map on the unit sphere at mu of unit u. */
    static double[] log(double[] mu, double[] u) {
        double c = Math.max(-1, Math.min(1, dot(mu, u)));
        double theta = Math.acos(c);
        if (theta < 1e-12) {
            return new double[mu.length];
        }
        return IntStream.range(0, mu.length).mapToDouble(i -> theta / Math.sin(theta) * (u[i] - c * mu[i])).toArray();
    }

    static double[] unit(double[] x) {
        double n = norm(x);
        return Arrays.stream(x).map(v -> v / n).toArray();
    }
}
