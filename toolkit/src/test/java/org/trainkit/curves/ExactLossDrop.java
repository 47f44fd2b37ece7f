package org.trainkit.curves;

/**
 * The multi-power-law drop sum {@code H(t) = sum_{k<=t} d_k (1 + C eta_k^-gamma S_k(t))^-beta}
 * evaluated pair by pair, straight from the formula of Luo et al. (2025): the reference that
 * {@link LossDropSum} is tested against. Cost: one power per (query, drop) pair. Derivatives by
 * differentiating each term.
 */
final class ExactLossDrop {

    private ExactLossDrop() {
    }

    /**
     * Returns {@code {H, dH/dC, dH/dbeta, dH/dgamma}} and then the size of each, the same sums with
     * every term made positive (the scale against which a rounding or approximation error is
     * judged: the derivatives are differences of nearly equal sums where {@code C} hardly matters).
     * Each row is indexed by query.
     */
    static double[][] evaluate(double[] lr, double[] s1, int[] queries, double c, double beta, double gamma) {
        double[][] out = new double[8][queries.length];
        for (int q = 0; q < queries.length; q++) {
            int t = queries[q];
            for (int k = 1; k <= t; k++) {
                double d = lr[k - 1] - lr[k];
                if (d == 0) {
                    continue;
                }
                double s = s1[t] - s1[k - 1];
                if (lr[k] == 0 || Math.pow(lr[k], gamma) / c == 0) {
                    out[0][q] += s == 0 ? d : 0;
                    continue;
                }
                double scale = c * Math.pow(lr[k], -gamma);
                double z = 1 + scale * s;
                double g = Math.pow(z, -beta);
                double dz = -beta * g / z;
                double u = 1 / scale;
                double y = u + s;
                out[0][q] += d * g;
                out[1][q] += d * dz * scale / c * s;
                out[2][q] += d * -Math.log(z) * g;
                out[3][q] += d * dz * scale * -Math.log(lr[k]) * s;
                out[4][q] += Math.abs(d) * g;
                out[5][q] += Math.abs(d) * g * beta / c * (1 + u / y);
                out[6][q] += Math.abs(d) * g * (1 + Math.abs(Math.log(u)) + Math.abs(Math.log(y)));
                out[7][q] += Math.abs(d) * g * beta * Math.abs(Math.log(lr[k])) * (1 + u / y);
            }
        }
        return out;
    }
}
