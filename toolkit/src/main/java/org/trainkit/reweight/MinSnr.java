package org.trainkit.reweight;

import org.trainkit.schedules.SpecText;

/**
 * Min-SNR-gamma loss weights for diffusion timesteps (Hang et al., "Efficient diffusion training
 * via Min-SNR weighting strategy", ICCV 2023): with {@code SNR(t) = alpha_t^2 / sigma_t^2}, the
 * weight is {@code min(SNR, gamma)} for an x0 target, {@code min(SNR, gamma) / SNR} for an
 * epsilon target and {@code min(SNR, gamma) / (SNR + 1)} for a v target. The paper: gamma = 5,
 * 3.4x faster convergence. Text form: {@code min_snr(gamma=5, target=epsilon)}.
 *
 * @param gamma the clamp, &gt; 0
 * @param target what the model predicts
 */
public record MinSnr(double gamma, DiffusionTarget target) implements Strategy {

    /** The name in the text form. */
    public static final String NAME = "min_snr";

    /** Checks the settings. */
    public MinSnr {
        Require.positive(NAME, "gamma", gamma);
        if (target == null) {
            throw new IllegalArgumentException(NAME + ": key 'target' must be one of x0, epsilon, v");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("gamma", gamma).word("target", Words.of(target)).toString();
    }

    /** The weight of a timestep with signal-to-noise ratio {@code snr} (&gt; 0). */
    public double weight(double snr) {
        if (!(snr > 0) || Double.isInfinite(snr)) {
            throw new IllegalArgumentException(NAME + ": the SNR must be finite and > 0, got " + snr);
        }
        double clamped = Math.min(snr, gamma);
        if (target == DiffusionTarget.X0) {
            return clamped;
        }
        return target == DiffusionTarget.EPSILON ? clamped / snr : clamped / (snr + 1);
    }

    /** The weight of a timestep from its signal and noise scales: {@code SNR = (alpha / sigma)^2}. */
    public double weight(double alpha, double sigma) {
        return weight(alpha * alpha / (sigma * sigma));
    }

    @Override
    public String toString() {
        return spec();
    }
}
