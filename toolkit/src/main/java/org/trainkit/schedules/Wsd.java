package org.trainkit.schedules;

import java.util.Objects;

/**
 * Warmup-stable-decay (Hu et al., MiniCPM, arXiv 2404.06395; Hägele et al., arXiv 2405.18392):
 * linear warmup to {@code peak}, hold, then a cooldown from step D to {@code total} with progress
 * {@code s = (t - D) / (total - D)} and a {@link Cooldown} shape from {@code peak} to
 * {@code final}. The multi-power-law data's {@code wsd_20000_24000} (geometric) and
 * {@code wsdld_20000_24000} (linear) curves (Luo et al., arXiv 2503.12811) are
 * {@code wsd(peak=3e-4, final=3e-5, warmup=2160, total=24000, decay_start=20000, shape=exp)} and
 * the same with {@code shape=linear}. {@code decay=0.2} instead of {@code decay_start} makes the
 * cooldown the last 20% of the run (D = total - 0.2 * total).
 *
 * @param peak          the rate after the warmup, {@code > 0}
 * @param finalLr       the rate the cooldown ends at (reached at step {@code total}), in [0, peak];
 *                      {@code > 0} for the exponential shape
 * @param warmup        warmup steps, {@code 0 <= warmup < total}
 * @param total         number of steps
 * @param cooldownStart where the cooldown begins, at or after the warmup
 * @param shape         the cooldown shape
 */
public record Wsd(double peak, double finalLr, int warmup, int total, CooldownStart cooldownStart, Cooldown shape)
        implements Schedule {

    static final String NAME = "wsd";

    public Wsd {
        Check.positive(NAME, "peak", peak);
        Check.atMost(NAME, "final", finalLr, "peak", peak);
        Check.warmup(NAME, warmup, total);
        Check.cooldownStart(NAME, cooldownStart, warmup, total);
        Objects.requireNonNull(shape, "shape");
        if (shape == Cooldown.EXP && finalLr == 0) {
            throw Check.error(NAME, "final", "> 0 for shape=exp", 0);
        }
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        return Phases.warmupHoldDecay(step, peak, warmup, cooldownStart.start(total), total, shape, finalLr);
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).number("final", finalLr).steps("warmup", warmup)
                .steps("total", total).cooldownStart(cooldownStart)
                .word("shape", shape.specName()).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
