package org.trainkit.schedules;

import java.util.Objects;

/**
 * Exponential decay, the smooth form of {@link StepDecay} (REFERENCES.md section 2, "the usual
 * form"): linear warmup to {@code peak}, then {@code lr = peak * factor^((t - warmup) / every)}.
 * Text form: {@code exponential(peak=1e-3, warmup=0, total=5000, factor=0.5, every=1000)}.
 *
 * @param peak   the rate after the warmup, {@code > 0}
 * @param warmup warmup steps, {@code 0 <= warmup < total}
 * @param total  number of steps
 * @param factor the multiplier per {@code every} steps, in (0, 1]
 * @param every  steps over which the rate is multiplied by {@code factor}, {@code >= 1}
 */
public record ExponentialDecay(double peak, int warmup, int total, double factor, int every) implements Schedule {

    static final String NAME = "exponential";

    public ExponentialDecay {
        Check.positive(NAME, "peak", peak);
        Check.warmup(NAME, warmup, total);
        Check.factor(NAME, "factor", factor);
        Check.steps(NAME, "every", every, 1);
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        if (step < warmup) {
            return Phases.warmup(step, peak, warmup);
        }
        return peak * Math.pow(factor, (double) (step - warmup) / every);
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).steps("warmup", warmup).steps("total", total)
                .number("factor", factor).steps("every", every).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
