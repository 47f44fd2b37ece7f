package org.trainkit.schedules;

import java.util.Objects;

/**
 * A constant learning rate after a linear warmup from 0: {@code lr(t) = peak * t / warmup} for
 * {@code t < warmup}, then {@code peak}. The baseline of every schedule comparison (e.g. the
 * {@code constant_24000} curve of the multi-power-law data, Luo et al., arXiv 2503.12811).
 * Text form: {@code constant(peak=3e-4, warmup=2160, total=24000)}.
 *
 * @param peak   the learning rate after the warmup, {@code > 0}
 * @param warmup warmup steps, {@code 0 <= warmup < total}
 * @param total  number of steps
 */
public record Constant(double peak, int warmup, int total) implements Schedule {

    static final String NAME = "constant";

    public Constant {
        Check.positive(NAME, "peak", peak);
        Check.warmup(NAME, warmup, total);
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        return step < warmup ? peak * step / warmup : peak;
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).steps("warmup", warmup).steps("total", total).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
