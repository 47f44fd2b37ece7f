package org.trainkit.schedules;

import java.util.Objects;

/**
 * Linear decay from {@code peak} to {@code finalLr} after a linear warmup; with {@code final = 0}
 * this is D2Z, linear decay to zero (Bergsma et al., "Straight to Zero", arXiv 2502.15938, who find
 * it beats 10x cosine at compute-optimal budgets). With {@code s = (t - warmup) / (total - warmup)}:
 * {@code lr = final + (peak - final)(1 - s)}; the rate reaches {@code final} at step {@code total}.
 * Text form: {@code linear(peak=1e-3, final=0, warmup=100, total=5000)}.
 *
 * @param peak    the rate at the end of the warmup, {@code > 0}
 * @param finalLr the rate the decay ends at, {@code 0 <= final <= peak}
 * @param warmup  warmup steps, {@code 0 <= warmup < total}
 * @param total   number of steps
 */
public record LinearDecay(double peak, double finalLr, int warmup, int total) implements Schedule {

    static final String NAME = "linear";

    public LinearDecay {
        Check.positive(NAME, "peak", peak);
        Check.atMost(NAME, "final", finalLr, "peak", peak);
        Check.warmup(NAME, warmup, total);
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        return Phases.warmupHoldDecay(step, peak, warmup, warmup, total, Cooldown.LINEAR, finalLr);
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).number("final", finalLr).steps("warmup", warmup)
                .steps("total", total).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
