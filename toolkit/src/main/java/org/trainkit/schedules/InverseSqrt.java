package org.trainkit.schedules;

import java.util.Objects;

/**
 * Inverse square-root decay (Vaswani et al., "Attention Is All You Need", arXiv 1706.03762):
 * linear warmup to {@code peak}, then {@code lr = peak * sqrt(timescale / (t - warmup + timescale))};
 * with {@code timescale = warmup} this is the Transformer's {@code peak * sqrt(warmup / t)}.
 * Text form: {@code invsqrt(peak=1e-3, warmup=100, total=5000, timescale=100)}.
 *
 * @param peak      the rate after the warmup, {@code > 0}
 * @param warmup    warmup steps, {@code 0 <= warmup < total}
 * @param total     number of steps
 * @param timescale steps after the warmup at which the rate is peak / sqrt(2), {@code >= 1}
 */
public record InverseSqrt(double peak, int warmup, int total, int timescale) implements Schedule {

    static final String NAME = "invsqrt";

    public InverseSqrt {
        Check.positive(NAME, "peak", peak);
        Check.warmup(NAME, warmup, total);
        Check.steps(NAME, "timescale", timescale, 1);
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        if (step < warmup) {
            return Phases.warmup(step, peak, warmup);
        }
        return peak * Math.sqrt((double) timescale / (step - warmup + timescale));
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).steps("warmup", warmup).steps("total", total)
                .steps("timescale", timescale).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
