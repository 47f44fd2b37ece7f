package org.trainkit.reweight;

import org.trainkit.schedules.SpecWord;

/** What a diffusion model predicts, which decides the form of its {@link MinSnr} weight. */
public enum DiffusionTarget implements SpecWord {
    /** The clean sample: weight {@code min(SNR, gamma)}. */
    X0,
    /** The noise: weight {@code min(SNR, gamma) / SNR}. */
    EPSILON,
    /** The velocity: weight {@code min(SNR, gamma) / (SNR + 1)}. */
    V;

    /** The word in the text form: the constant's name in lower case ({@code epsilon}). */
    @Override
    public String specName() {
        return Words.of(this);
    }
}
