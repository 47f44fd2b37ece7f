package org.trainkit.compare;

import java.util.Locale;
import java.util.Objects;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;
import org.trainkit.curves.Law;
import org.trainkit.schedules.Cooldown;
import org.trainkit.schedules.CooldownStart;
import org.trainkit.schedules.Schedules;
import org.trainkit.schedules.Wsd;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Finds the WSD cooldown fraction that a fitted law predicts to give the lowest final loss, for a
 * given peak, final rate, warmup, length and cooldown shape. Tissue et al. (arXiv 2408.11029) and
 * Hägele et al. (arXiv 2405.18392) report the best cooldown at about 10-20% of training; this asks
 * the law.
 *
 * <p>Method: the predicted final loss is evaluated on a grid of fractions {@code step, 2 step, ...}
 * and the largest fraction the warmup allows ({@code 1 - warmup / total}, the cooldown starting
 * where the warmup ends), which shows the whole
 * curve and finds the best basin even if the curve has several; then Brent's method (Hipparchus
 * {@link BrentOptimizer}, golden-section steps with parabolic interpolation) refines the best grid
 * point within its two neighbours to an absolute tolerance of {@code 1e-5} in the fraction. Each
 * evaluation is one linear-time {@link Law#finalLoss} call.
 *
 * <pre>{@code
 * BestCooldown best = CooldownSearch.under(law).best(Schedules.wsd().peak(3e-4).warmup(2160).total(24000)
 *         .decay(0.2).shape(Cooldown.SQRT).build());
 * }</pre>
 */
public final class CooldownSearch {

    /** The default grid spacing of the cooldown fraction. */
    public static final double DEFAULT_STEP = 0.01;
    /** Brent's absolute tolerance on the fraction. */
    private static final double TOLERANCE = 1e-5;

    private final Law law;
    private final double step;

    private CooldownSearch(Law law, double step) {
        this.law = law;
        this.step = step;
    }

    /** A search under this fitted law, on a grid of spacing {@value #DEFAULT_STEP}. */
    public static CooldownSearch under(Law law) {
        return new CooldownSearch(Objects.requireNonNull(law, "law"), DEFAULT_STEP);
    }

    /** The grid spacing of the fraction, in (0, 0.5]. */
    public CooldownSearch gridStep(double spacing) {
        if (!(spacing > 0 && spacing <= 0.5)) {
            throw new IllegalArgumentException("cooldown search: grid step must be in (0, 0.5], got " + spacing);
        }
        return new CooldownSearch(law, spacing);
    }

    /**
     * The best cooldown fraction for {@code template}'s peak, final rate, warmup, length and shape
     * (its own cooldown start is ignored).
     */
    public BestCooldown best(Wsd template) {
        double largest = largestFraction(template);
        if (largest < step) {
            throw new IllegalArgumentException("cooldown search: the warmup of " + template.warmup() + " steps leaves "
                    + "a largest cooldown fraction of " + largest + ", below the grid step " + step);
        }
        int count = 1;
        while ((count + 1) * step < largest - 1e-9) {
            count++;
        }
        double[] fractions = new double[count + 1];
        double[] losses = new double[fractions.length];
        int best = 0;
        for (int i = 0; i < fractions.length; i++) {
            fractions[i] = i < count ? (i + 1) * step : largest;
            losses[i] = loss(template, fractions[i]);
            if (losses[i] < losses[best]) {
                best = i;
            }
        }
        double lo = best > 0 ? fractions[best - 1] : Math.min(step, largest) / 2;
        double hi = best < fractions.length - 1 ? fractions[best + 1] : largest;
        double fraction = fractions[best];
        double bestLoss = losses[best];
        if (lo < hi) {
            UnivariatePointValuePair refined = new BrentOptimizer(1e-10, TOLERANCE).optimize(new MaxEval(200),
                    new UnivariateObjectiveFunction(f -> loss(template, f)), GoalType.MINIMIZE,
                    new SearchInterval(lo, hi, fraction));
            if (refined.getValue() < bestLoss) {
                fraction = refined.getPoint();
                bestLoss = refined.getValue();
            }
        }
        return new BestCooldown(withFraction(template, fraction), bestLoss, fractions, losses);
    }

    /**
     * The best fraction for each shape: columns shape, best_fraction, cooldown_steps,
     * predicted_loss; best shape first.
     */
    public Table compareShapes(Wsd template, Cooldown... shapes) {
        if (shapes.length == 0) {
            throw new IllegalArgumentException("cooldown search: name at least one shape");
        }
        StringColumn shape = StringColumn.create("shape");
        DoubleColumn fraction = DoubleColumn.create("best_fraction");
        DoubleColumn steps = DoubleColumn.create("cooldown_steps");
        DoubleColumn loss = DoubleColumn.create("predicted_loss");
        for (Cooldown c : shapes) {
            BestCooldown best = best(new Wsd(template.peak(), template.finalLr(), template.warmup(), template.total(),
                    template.cooldownStart(), c));
            shape.append(c.specName());
            fraction.append(best.fraction());
            steps.append(best.cooldownSteps());
            loss.append(best.predictedLoss());
        }
        return Table.create(String.format(Locale.ROOT, "best WSD cooldown by shape under %s", law.name()),
                shape, fraction, steps, loss).sortAscendingOn("predicted_loss");
    }

    /** The largest fraction whose cooldown starts at or after the warmup's end, robust to rounding. */
    static double largestFraction(Wsd template) {
        double largest = (double) (template.total() - template.warmup()) / template.total();
        while (CooldownStart.lastFraction(largest).start(template.total()) < template.warmup()) {
            largest = Math.nextDown(largest);
        }
        return largest;
    }

    private double loss(Wsd template, double fraction) {
        return law.finalLoss(withFraction(template, fraction));
    }

    private static Wsd withFraction(Wsd template, double fraction) {
        return new Wsd(template.peak(), template.finalLr(), template.warmup(), template.total(),
                CooldownStart.lastFraction(fraction), template.shape());
    }
}
