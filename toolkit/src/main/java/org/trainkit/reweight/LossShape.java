package org.trainkit.reweight;

/**
 * The three strategies of loss-based reweighting (Sow et al., ICLR 2025): a function {@code f} of
 * a sample's normalised loss {@code x in [-delta, delta]}; weights are {@code softmax(f(x) / r)}.
 */
public enum LossShape {
    /** {@code f(x) = min(x + delta, delta)}: down-weights the low-loss samples (the paper's best). */
    LINUPPER,
    /** {@code f(x) = 1 - x^2 / delta^2}: favours the middle of the batch's losses. */
    QUADRATIC,
    /** {@code f(x) = |x|}: favours both the easiest and the hardest samples. */
    EXTREMES;

    /** {@code f(x)} for the half-width {@code delta}. */
    public double apply(double x, double delta) {
        if (this == LINUPPER) {
            return Math.min(x + delta, delta);
        }
        if (this == QUADRATIC) {
            return 1 - x * x / (delta * delta);
        }
        return Math.abs(x);
    }
}
