package org.trainkit.merge;

/**
 * Spherical interpolation and averaging of tensors: SLERP (Shoemake 1985, as model merging uses it),
 * nuSLERP (weights for two models, whole or row by row), multi-SLERP (one tangent-space step from
 * the normalised weighted mean) and the Karcher mean (the Riemannian centre of mass on the sphere,
 * Karcher 1977), all rescaled by the weighted mean of the inputs' norms where they average more
 * than two.
 */
final class Spherical {

    private static final double DOT_THRESHOLD = 0.9995;

    private Spherical() {
    }

    /** SLERP over the flattened tensors; lerp when the unit vectors' |cos| exceeds 0.9995. */
    static float[] slerp(double t, float[] v0, float[] v1) {
        double n0 = Kernels.norm(v0);
        double n1 = Kernels.norm(v1);
        double dot = Kernels.dot(v0, v1) / (Math.max(n0, 1e-8) * Math.max(n1, 1e-8));
        if (Math.abs(dot) > DOT_THRESHOLD) {
            return lerp(t, v0, v1);
        }
        double theta = Math.acos(dot);
        double sin = Math.sin(theta);
        return combine(Math.sin((1 - t) * theta) / sin, v0, Math.sin(t * theta) / sin, v1);
    }

    static float[] lerp(double t, float[] v0, float[] v1) {
        return combine(1 - t, v0, t, v1);
    }

    static float[] combine(double a, float[] x, double b, float[] y) {
        float[] out = new float[x.length];
        float fa = (float) a;
        float fb = (float) b;
        for (int i = 0; i < out.length; i++) {
            out[i] = fa * x[i] + fb * y[i];
        }
        return out;
    }

    /**
     * nuSLERP: slerp with {@code t = w1 / (w0 + w1)} over vectors: the whole tensor ({@code
     * flatten}), or each row of the last dimension ({@code rowWise}), or each column; lerp where
     * {@code |sin theta| < 1e-8}.
     */
    static float[] nuslerp(double t, float[] v0, float[] v1, long[] shape, boolean flatten, boolean rowWise) {
        if (flatten || shape.length < 2) {
            return vectorSlerp(t, v0, v1, 0, 1, v0.length);
        }
        int cols = (int) shape[shape.length - 1];
        int rows = v0.length / Math.max(cols, 1);
        float[] out = new float[v0.length];
        if (rowWise) {
            for (int r = 0; r < rows; r++) {
                float[] part = vectorSlerp(t, v0, v1, r * cols, 1, cols);
                System.arraycopy(part, 0, out, r * cols, cols);
            }
        } else {
            for (int c = 0; c < cols; c++) {
                float[] part = vectorSlerp(t, v0, v1, c, cols, rows);
                for (int r = 0; r < rows; r++) {
                    out[r * cols + c] = part[r];
                }
            }
        }
        return out;
    }

    /** Slerp of the strided vectors {@code v[start + i * stride]}, i < n. */
    private static float[] vectorSlerp(double t, float[] v0, float[] v1, int start, int stride, int n) {
        double d = 0;
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < n; i++) {
            double a = v0[start + i * stride];
            double b = v1[start + i * stride];
            d += a * b;
            s0 += a * a;
            s1 += b * b;
        }
        double cos = d / (Math.max(Math.sqrt(s0), 1e-8) * Math.max(Math.sqrt(s1), 1e-8));
        double omega = Math.acos(Math.max(-1, Math.min(1, cos)));
        double sin = Math.sin(omega);
        double a;
        double b;
        if (Math.abs(sin) < 1e-8) {
            a = 1 - t;
            b = t;
        } else {
            a = Math.sin((1 - t) * omega) / sin;
            b = Math.sin(t * omega) / sin;
        }
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (a * v0[start + i * stride] + b * v1[start + i * stride]);
        }
        return out;
    }

    /**
     * The Karcher mean of the tensors with weights {@code alpha} (normalised to sum 1), by at most
     * {@code maxIter} fixed-point steps {@code mu <- exp_mu(sum_i alpha_i log_mu(u_i))} from the
     * normalised weighted mean, stopping when the step's norm is below {@code tol}; rescaled by
     * {@code sum_i alpha_i ||t_i||}. One step is multi-SLERP. Zero tensors carry no direction and are
     * left out of the directions (their weight still counts in the norm).
     */
    static float[] karcher(float[][] tensors, double[] weights, int maxIter, double tol) {
        int k = tensors.length;
        int n = tensors[0].length;
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double[] alpha = new double[k];
        double[] norms = new double[k];
        double meanNorm = 0;
        for (int i = 0; i < k; i++) {
            alpha[i] = weights[i] / total;
            norms[i] = Kernels.norm(tensors[i]);
            meanNorm += alpha[i] * norms[i];
        }
        double[] mu = new double[n];
        for (int i = 0; i < k; i++) {
            if (norms[i] > 1e-8) {
                for (int j = 0; j < n; j++) {
                    mu[j] += alpha[i] * tensors[i][j] / norms[i];
                }
            }
        }
        double muNorm = norm(mu);
        if (muNorm < 1e-8) {
            throw new IllegalArgumentException("the weighted mean direction is zero (the tensors cancel out): their"
                    + " spherical mean is undefined");
        }
        scale(mu, 1 / muNorm);
        double[] step = new double[n];
        for (int iter = 0; iter < maxIter; iter++) {
            java.util.Arrays.fill(step, 0);
            for (int i = 0; i < k; i++) {
                if (norms[i] <= 1e-8) {
                    continue;
                }
                double cos = 0;
                for (int j = 0; j < n; j++) {
                    cos += mu[j] * tensors[i][j] / norms[i];
                }
                cos = Math.max(-1, Math.min(1, cos));
                double theta = Math.acos(cos);
                if (theta < 1e-12) {
                    continue;
                }
                double f = alpha[i] * theta / Math.sin(theta);
                for (int j = 0; j < n; j++) {
                    step[j] += f * (tensors[i][j] / norms[i] - cos * mu[j]);
                }
            }
            double s = norm(step);
            if (s < tol) {
                break;
            }
            double c = Math.cos(s);
            double sn = Math.sin(s) / s;
            for (int j = 0; j < n; j++) {
                mu[j] = c * mu[j] + sn * step[j];
            }
            scale(mu, 1 / norm(mu));
        }
        float[] out = new float[n];
        for (int j = 0; j < n; j++) {
            out[j] = (float) (mu[j] * meanNorm);
        }
        return out;
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static void scale(double[] x, double f) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= f;
        }
    }
}
