package org.trainkit.schedules;

import java.util.Objects;

/**
 * The one-cycle policy (Smith and Topin, "Super-Convergence", arXiv 1708.07120), in its common
 * cosine form: start at {@code peak / div}, rise with a cosine to {@code peak} over the first
 * {@code up} fraction of the run (U = up * total steps), then fall with a cosine to
 * {@code peak / div / final_div}, reached at step {@code total} like every decay here.
 * Text form: {@code onecycle(peak=1e-3, total=5000, up=0.3, div=25, final_div=10000)}.
 *
 * @param peak     the highest rate, {@code > 0}
 * @param total    number of steps, {@code >= 2}
 * @param up       the rising share of the run, in (0, 1)
 * @param div      start rate = peak / div, {@code div >= 1}
 * @param finalDiv end rate = start rate / finalDiv, {@code finalDiv >= 1}
 */
public record OneCycle(double peak, int total, double up, double div, double finalDiv) implements Schedule {

    static final String NAME = "onecycle";

    public OneCycle {
        Check.positive(NAME, "peak", peak);
        Check.steps(NAME, "total", total, 2);
        Check.openFraction(NAME, "up", up);
        if (!(div >= 1) || Double.isInfinite(div)) {
            throw Check.error(NAME, "div", "a finite number >= 1", Check.text(div));
        }
        if (!(finalDiv >= 1) || Double.isInfinite(finalDiv)) {
            throw Check.error(NAME, "final_div", "a finite number >= 1", Check.text(finalDiv));
        }
    }

    /** The rate at step 0, {@code peak / div}. */
    public double start() {
        return peak / div;
    }

    /** The rate the run falls towards, reached at step {@code total}: {@code start() / finalDiv}. */
    public double end() {
        return start() / finalDiv;
    }

    @Override
    public double lr(int step) {
        Objects.checkIndex(step, total);
        double rise = up * total;
        if (step < rise) {
            return Cooldown.COSINE.at(step / rise, start(), peak);
        }
        return Cooldown.COSINE.at((step - rise) / (total - rise), peak, end());
    }

    @Override
    public int totalSteps() {
        return total;
    }

    @Override
    public String spec() {
        return new SpecText(NAME).number("peak", peak).steps("total", total).number("up", up).number("div", div)
                .number("final_div", finalDiv).toString();
    }

    @Override
    public String toString() {
        return spec();
    }
}
