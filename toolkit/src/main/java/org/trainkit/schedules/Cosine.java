package org.trainkit.schedules;

import java.util.Objects;

/**
 * Cosine decay from {@code peak} to {@code finalLr} after a linear warmup (Loshchilov and Hutter,
 * "SGDR", arXiv 1608.03983; the "10x" cosine of LLM training ends at peak/10). With progress
 * {@code s = (t - warmup) / (total - warmup)}:
 * {@code lr = final + (peak - final)(1 + cos(pi s)) / 2}, so the rate reaches {@code final} at step
 * {@code total}, one step after the last one. This convention reproduces the {@code lr} column of the
 * multi-power-law data (Luo et al., arXiv 2503.12811) to 1e-15.
 * Text form: {@code cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)}.
 *
 * @param peak    the rate at the end of the warmup, {@code > 0}
 * @param finalLr the rate the decay ends at, {@code 0 <= final <= peak}
 * @param warmup  warmup steps, {@code 0 <= warmup < total}
 * @param total   number of steps
 */
public record Cosine(double peak, double finalLr, int warmup, int total) implements Schedule {

    static final String NAME = "cosine";

    public Cosine {
        Check.positive(NAME, "peak", peak);
        Check.atMost(NAME, "final", finalLr, "peak", peak);
        Check.warmup(NAME, warmup, total);
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        return Phases.warmupHoldDecay(step, peak, warmup, warmup, total, Cooldown.COSINE, finalLr);
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
