package org.trainkit.schedules;

/**
 * The convex bound of Schaipp et al. (arXiv 2501.18965) as REFERENCES.md section 1 writes it,
 * evaluated term by term in O(T^2): the reference the linear-time {@link ConvexBound} is tested against.
 */
public final class DirectConvexBound {

    private DirectConvexBound() {
    }

    /** The bound for rates {@code eta}, per-step gradient norms {@code g} and distance {@code d}. */
    public static double of(double[] eta, double[] g, double d) {
        int n = eta.length;
        while (n > 0 && eta[n - 1] == 0) {
            n--;
        }
        double total = 0;
        double noise = 0;
        for (int t = 0; t < n; t++) {
            total += eta[t];
            noise += eta[t] * eta[t] * g[t] * g[t];
        }
        double bound = d * d / (2 * total) + noise / (2 * total);
        for (int k = 0; k < n - 1; k++) {
            double after = 0;
            for (int t = k + 1; t < n; t++) {
                after += eta[t];
            }
            double from = 0;
            double fromNoise = 0;
            for (int t = k; t < n; t++) {
                from += eta[t];
                fromNoise += eta[t] * eta[t] * g[t] * g[t];
            }
            bound += 0.5 * (eta[k] / after) * (fromNoise / from);
        }
        return bound;
    }
}
