package org.trainkit.reweight;

/** What a diffusion model predicts, which decides the form of its {@link MinSnr} weight. */
public enum DiffusionTarget {
    /** The clean sample: weight {@code min(SNR, gamma)}. */
    X0,
    /** The noise: weight {@code min(SNR, gamma) / SNR}. */
    EPSILON,
    /** The velocity: weight {@code min(SNR, gamma) / (SNR + 1)}. */
    V
}
