package org.trainkit.compare;

/**
 * The convex-theory bound put on a loss scale, {@code loss ~ c + m * B} (Schaipp et al., arXiv
 * 2501.18965, model the loss this way): {@code c} and {@code m} are the ordinary least-squares line
 * through the points (bound, loss) of a set of schedules, and {@code r2} is the share of the
 * losses' variance the line explains. With {@code m > 0} the line keeps the bound's ranking; with
 * {@code m <= 0} the bound and the losses disagree about direction.
 *
 * @param c  the intercept
 * @param m  the slope
 * @param r2 the coefficient of determination of the line, in [0, 1]
 */
public record BoundScale(double c, double m, double r2) {

    /**
     * The least-squares line {@code loss = c + m * bound}, written out in closed form (two
     * unknowns; the Hipparchus modules on the class path have no simple regression).
     */
    public static BoundScale fit(double[] bounds, double[] losses) {
        int n = bounds.length;
        if (n != losses.length || n < 2) {
            throw new IllegalArgumentException("bound scale: needs at least 2 (bound, loss) pairs, got " + n
                    + " bounds and " + losses.length + " losses");
        }
        double meanB = 0;
        double meanL = 0;
        for (int i = 0; i < n; i++) {
            meanB += bounds[i] / n;
            meanL += losses[i] / n;
        }
        double sbb = 0;
        double sbl = 0;
        double sll = 0;
        for (int i = 0; i < n; i++) {
            sbb += (bounds[i] - meanB) * (bounds[i] - meanB);
            sbl += (bounds[i] - meanB) * (losses[i] - meanL);
            sll += (losses[i] - meanL) * (losses[i] - meanL);
        }
        if (!(sbb > 0)) {
            throw new IllegalArgumentException("bound scale: all " + n + " bounds are equal; no line fits");
        }
        double m = sbl / sbb;
        double r2 = sll > 0 ? sbl * sbl / (sbb * sll) : 1;
        return new BoundScale(meanL - m * meanB, m, r2);
    }

    /** The loss this line gives a bound. */
    public double loss(double bound) {
        return c + m * bound;
    }
}
