package org.trainkit.schedules;

import java.util.Objects;

/**
 * Step decay (as in He et al., "Deep Residual Learning", arXiv 1512.03385, which divides the rate
 * by 10 at fixed steps): linear warmup to {@code peak}, then
 * {@code lr = peak * factor^floor((t - warmup) / every)}.
 * Text form: {@code step(peak=0.1, warmup=0, total=5000, every=1500, factor=0.1)}.
 *
 * @param peak   the rate after the warmup, {@code > 0}
 * @param warmup warmup steps, {@code 0 <= warmup < total}
 * @param total  number of steps
 * @param every  steps between drops, {@code >= 1}
 * @param factor the multiplier at each drop, in (0, 1]
 */
public record StepDecay(double peak, int warmup, int total, int every, double factor) implements Schedule {

    static final String NAME = "step";

    public StepDecay {
        Check.positive(NAME, "peak", peak);
        Check.warmup(NAME, warmup, total);
        Check.steps(NAME, "every", every, 1);
        Check.factor(NAME, "factor", factor);
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        if (step < warmup) {
            return Phases.warmup(step, peak, warmup);
        }
        return peak * Math.pow(factor, (step - warmup) / every);
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).steps("warmup", warmup).steps("total", total)
                .steps("every", every).number("factor", factor).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
