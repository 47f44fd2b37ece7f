package org.trainkit.schedules;

import java.util.Objects;

/**
 * Cyclical learning rates (Smith, "Cyclical Learning Rates for Training Neural Networks",
 * arXiv 1506.01186): with half period S, cycle {@code c = floor(1 + t / (2S))},
 * {@code x = |t/S - 2c + 1|} and {@code lr = base + (max - base) * max(0, 1 - x)}, times
 * {@code 1/2^(c-1)} in triangular2 mode. Starts at {@code base}, reaches {@code max} at step S.
 * Text form: {@code cyclic(base=1e-4, max=1e-3, half_period=500, total=5000, mode=triangular2)}.
 *
 * @param base       the lowest rate, {@code >= 0}
 * @param max        the highest rate, {@code >= base} and {@code > 0}
 * @param halfPeriod steps from base to max (Smith's step size), {@code >= 1}
 * @param total      number of steps
 * @param mode       the amplitude policy
 */
public record Cyclic(double base, double max, int halfPeriod, int total, CyclicMode mode) implements Schedule {

    static final String NAME = "cyclic";

    public Cyclic {
        Check.rate(NAME, "base", base);
        Check.positive(NAME, "max", max);
        if (max < base) {
            throw Check.error(NAME, "max", ">= base (" + Check.text(base) + ")", Check.text(max));
        }
        Check.steps(NAME, "half_period", halfPeriod, 1);
        Check.total(NAME, total);
        Objects.requireNonNull(mode, "mode");
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        double cycle = Math.floor(1 + step / (2.0 * halfPeriod));
        double x = Math.abs((double) step / halfPeriod - 2 * cycle + 1);
        double scale = mode == CyclicMode.TRIANGULAR2 ? Math.pow(0.5, cycle - 1) : 1;
        return base + (max - base) * Math.max(0, 1 - x) * scale;
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("base", base).number("max", max).steps("half_period", halfPeriod)
                .steps("total", total).word("mode", mode.specName()).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
