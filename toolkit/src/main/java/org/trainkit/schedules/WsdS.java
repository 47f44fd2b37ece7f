package org.trainkit.schedules;

import java.util.Objects;

/**
 * WSD-S (Wen et al., "Understanding Warmup-Stable-Decay Learning Rates: A River Valley Loss
 * Landscape Perspective", arXiv 2410.05192): warmup, hold at {@code peak}, then a cooldown in which
 * the inverse learning rate moves linearly, {@code 1/lr = (1 - s)/peak + s/final}, with
 * {@code s = (t - D) / (total - D)} (REFERENCES.md section 2). The paper's reuse of one main
 * branch across several budgets is a {@link Concat} of such schedules.
 * Text form: {@code wsds(peak=1e-3, final=1e-4, warmup=100, total=5000, decay=0.1)}.
 *
 * @param peak          the rate after the warmup, {@code > 0}
 * @param finalLr       the rate the cooldown ends at, in (0, peak]
 * @param warmup        warmup steps, {@code 0 <= warmup < total}
 * @param total         number of steps
 * @param cooldownStart where the cooldown begins, at or after the warmup
 */
public record WsdS(double peak, double finalLr, int warmup, int total, CooldownStart cooldownStart)
        implements Schedule {

    static final String NAME = "wsds";

    public WsdS {
        Check.positive(NAME, "peak", peak);
        Check.positive(NAME, "final", finalLr);
        Check.atMost(NAME, "final", finalLr, "peak", peak);
        Check.warmup(NAME, warmup, total);
        Check.cooldownStart(NAME, cooldownStart, warmup, total);
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        if (step < warmup) {
            return Phases.warmup(step, peak, warmup);
        }
        double d = cooldownStart.start(total);
        if (step < d) {
            return peak;
        }
        double s = (step - d) / (total - d);
        return 1 / ((1 - s) / peak + s / finalLr);
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).number("final", finalLr).steps("warmup", warmup)
                .steps("total", total).cooldownStart(cooldownStart).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
