package org.trainkit.curves;

/**
 * The Huber loss and the residual transform that lets a least-squares optimiser minimise it exactly:
 * with {@code r~ = sign(r) sqrt(2 Huber(r))}, {@code sum r~^2 / 2 = sum Huber(r)}, and
 * {@code r~} is continuously differentiable ({@code dr~/dr = 1} inside {@code [-delta, delta]},
 * {@code delta / |r~|} outside).
 */
final class Huber {

    private Huber() {
    }

    static double loss(double r, double delta) {
        double abs = Math.abs(r);
        return abs <= delta ? 0.5 * r * r : delta * (abs - 0.5 * delta);
    }

    /** {@code d loss / d r}: {@code r} inside {@code [-delta, delta]}, {@code delta sign(r)} outside. */
    static double derivative(double r, double delta) {
        return Math.abs(r) <= delta ? r : Math.copySign(delta, r);
    }

    static double transformed(double r, double delta) {
        double abs = Math.abs(r);
        return abs <= delta ? r : Math.copySign(Math.sqrt(delta * (2 * abs - delta)), r);
    }

    /** {@code d transformed / d r}. */
    static double slope(double r, double delta) {
        double abs = Math.abs(r);
        return abs <= delta ? 1 : delta / Math.sqrt(delta * (2 * abs - delta));
    }
}
