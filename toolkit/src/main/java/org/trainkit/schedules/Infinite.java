package org.trainkit.schedules;

import java.util.Objects;

/**
 * The infinite learning-rate schedule (Ibrahim et al., "Simple and Scalable Strategies to
 * Continually Pre-train Large Language Models", arXiv 2403.08763; studied in "Beyond Cosine Decay",
 * arXiv 2503.02844): linear warmup to {@code peak}; a cosine cooldown from {@code peak} to
 * {@code constant} over {@code cooldown} steps; {@code constant} for as long as training runs;
 * optionally a final anneal from {@code constant} to {@code final} over the last {@code anneal}
 * steps with a {@link Cooldown} shape (progress {@code s = (t - (total - anneal)) / anneal}).
 * Text form: {@code infinite(peak=1e-3, constant=3e-4, final=0, warmup=100, total=5000,
 * cooldown=1000, anneal=500, anneal_shape=linear)}.
 *
 * @param peak        the rate after the warmup, {@code > 0}
 * @param constant    the long-running rate, in [0, peak]
 * @param finalLr     the rate the anneal ends at, in [0, constant] (unused when anneal = 0)
 * @param warmup      warmup steps, {@code 0 <= warmup < total}
 * @param total       number of steps
 * @param cooldown    steps of the cosine cooldown from peak to constant
 * @param anneal      steps of the final anneal, 0 for none; {@code warmup + cooldown + anneal <= total}
 * @param annealShape the anneal's shape
 */
public record Infinite(double peak, double constant, double finalLr, int warmup, int total, int cooldown,
                       int anneal, Cooldown annealShape) implements Schedule {

    static final String NAME = "infinite";

    public Infinite {
        Check.positive(NAME, "peak", peak);
        Check.atMost(NAME, "constant", constant, "peak", peak);
        Check.atMost(NAME, "final", finalLr, "constant", constant);
        Check.warmup(NAME, warmup, total);
        Check.steps(NAME, "cooldown", cooldown, 0);
        Check.steps(NAME, "anneal", anneal, 0);
        if (warmup + cooldown > total) {
            throw Check.error(NAME, "cooldown", "<= total - warmup = " + (total - warmup), cooldown);
        }
        if (warmup + cooldown + anneal > total) {
            throw Check.error(NAME, "anneal", "<= total - warmup - cooldown = " + (total - warmup - cooldown),
                    anneal);
        }
        Objects.requireNonNull(annealShape, "annealShape");
        if (annealShape == Cooldown.EXP && finalLr == 0) {
            throw Check.error(NAME, "final", "> 0 for anneal_shape=exp", 0);
        }
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        if (step < warmup) {
            return Phases.warmup(step, peak, warmup);
        }
        if (step < warmup + cooldown) {
            return Cooldown.COSINE.at((double) (step - warmup) / cooldown, peak, constant);
        }
        int annealStart = total - anneal;
        if (step < annealStart) {
            return constant;
        }
        return annealShape.at((double) (step - annealStart) / anneal, constant, finalLr);
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).number("constant", constant).number("final", finalLr)
                .steps("warmup", warmup).steps("total", total).steps("cooldown", cooldown).steps("anneal", anneal)
                .word("anneal_shape", annealShape.specName()).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
