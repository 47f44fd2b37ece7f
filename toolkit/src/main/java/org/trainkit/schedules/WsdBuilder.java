package org.trainkit.schedules;

/**
 * Builds a {@link Wsd} schedule step by step, for notebook cells:
 * {@code Schedules.wsd().peak(1e-3).warmup(100).total(5000).decay(0.2).shape(Cooldown.SQRT).build()}.
 * Defaults as in the text form: {@code final = 0}, {@code warmup = 0}, {@code shape = linear};
 * {@code peak}, {@code total} and one of {@code decayStart} / {@code decay} must be set (the last one
 * set wins). WSD after Hu et al. (MiniCPM, arXiv 2404.06395).
 */
public final class WsdBuilder {

    private double peak = Double.NaN;
    private double finalLr;
    private int warmup;
    private int total;
    private CooldownStart cooldownStart;
    private Cooldown shape = Cooldown.LINEAR;

    WsdBuilder() {
    }

    /** The rate after the warmup. */
    public WsdBuilder peak(double peak) {
        this.peak = peak;
        return this;
    }

    /** The rate the cooldown ends at (default 0). */
    public WsdBuilder finalLr(double finalLr) {
        this.finalLr = finalLr;
        return this;
    }

    /** Warmup steps (default 0). */
    public WsdBuilder warmup(int warmup) {
        this.warmup = warmup;
        return this;
    }

    /** Number of steps. */
    public WsdBuilder total(int total) {
        this.total = total;
        return this;
    }

    /** The cooldown starts at this step. */
    public WsdBuilder decayStart(int step) {
        this.cooldownStart = CooldownStart.atStep(step);
        return this;
    }

    /** The cooldown takes this last fraction of the run, in (0, 1]. */
    public WsdBuilder decay(double fraction) {
        this.cooldownStart = CooldownStart.lastFraction(fraction);
        return this;
    }

    /** The cooldown shape (default linear). */
    public WsdBuilder shape(Cooldown shape) {
        this.shape = shape;
        return this;
    }

    /** The schedule; the same checks and messages as the text form. */
    public Wsd build() {
        return new Wsd(peak, finalLr, warmup, total, cooldownStart, shape);
    }
}
