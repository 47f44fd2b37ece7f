package org.trainkit.curves;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.trainkit.core.Estimate;
import org.trainkit.schedules.Cooldown;

/**
 * Plans the cooldown of a run in progress: fits a law to the run's log so far, then asks it for
 * the cooldown (start, length, shape) that gives the lowest predicted final loss within the total
 * budget, beside the usual alternatives (cooldown now, a cooldown over the last 10% and 20% of the
 * budget, cosine from the start), each with a bootstrap interval (moving blocks, see
 * {@link Bootstrap}). A cooldown holds the run's current learning rate until its start and then
 * decays it to the final rate (default a tenth of the current rate, as in the multi-power-law data
 * of Luo et al. 2025) with one of the shapes of {@link Cooldown} (linear, 1-sqrt, cosine,
 * geometric), as Hägele et al. (arXiv 2405.18392) compare them.
 *
 * <p>Search: cooldown starts on a grid of 200 steps between the end of the log and the last step,
 * for each shape; the grid's best is the recommendation (the predicted final loss is flat near its
 * minimum, so a finer search would not change the plan beyond its interval).
 *
 * <pre>{@code
 * CooldownPlan plan = CooldownPlanner.on(log).total(48_000).plan();
 * plan.recommended();     // start, length, shape, predicted final loss with its interval
 * plan.table();           // beside the alternatives
 * }</pre>
 *
 * <p>A run logged at a constant rate has no decay for the law's loss-drop term to be fitted on (only
 * the warmup's increases): the default fit holds the multi-power shape {@code C, beta, gamma} at
 * the reference start, and the plan's {@link CooldownPlan#warnings()} and
 * {@link CooldownPlan#notes()} say what the law could not determine or was applied beyond.
 */
public final class CooldownPlanner {

    /** Cooldown starts tried per shape. */
    static final int GRID = 200;
    private static final List<Cooldown> SHAPES = List.of(Cooldown.LINEAR, Cooldown.SQRT, Cooldown.COSINE,
            Cooldown.EXP);

    private final LossCurve log;
    private final Fit fit;
    private final int total;
    private final double finalFraction;
    private final int resamples;

    private CooldownPlanner(LossCurve log, Fit fit, int total, double finalFraction, int resamples) {
        this.log = log;
        this.fit = fit;
        this.total = total;
        this.finalFraction = finalFraction;
        this.resamples = resamples;
    }

    /** A planner for this run's log; the default law is the multi-power law with its shape held. */
    public static CooldownPlanner on(LossCurve log) {
        Fit held = Fit.of(LawForm.multiPower()).fixing("C", MultiPowerLawForm.START_C)
                .fixing("beta", MultiPowerLawForm.START_BETA).fixing("gamma", MultiPowerLawForm.START_GAMMA);
        return new CooldownPlanner(Objects.requireNonNull(log, "log"), held, 0, 0.1, 100);
    }

    /** The fit to run on the log (its curves are replaced by the log), e.g. {@code Fit.of(LawForm.annealing())}. */
    public CooldownPlanner law(Fit template) {
        return new CooldownPlanner(log, Objects.requireNonNull(template, "law"), total, finalFraction, resamples);
    }

    /** The run's total budget in optimizer steps; must be beyond the log's last step. */
    public CooldownPlanner total(int steps) {
        return new CooldownPlanner(log, fit, steps, finalFraction, resamples);
    }

    /** The final learning rate as a fraction of the current one, in [0, 1) (default 0.1). */
    public CooldownPlanner finalFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("final fraction must be in [0, 1): " + fraction);
        }
        return new CooldownPlanner(log, fit, total, fraction, resamples);
    }

    /** Bootstrap resamples for the intervals (default 100). */
    public CooldownPlanner resamples(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("need at least 2 resamples: " + count);
        }
        return new CooldownPlanner(log, fit, total, finalFraction, count);
    }

    /**
     * Fits, searches and bootstraps.
     *
     * @throws IllegalArgumentException if the budget is not beyond the log's last step
     * @throws FitException if the log has too few points to fit the law (fewer than twice its free
     *     parameters plus one) or the fit fails
     */
    public CooldownPlan plan() {
        int logged = log.steps[log.size() - 1] + 1;
        if (total <= logged) {
            throw new IllegalArgumentException("the budget of " + total + " steps is not beyond the " + logged
                    + " steps already logged in " + log.name() + "; give a total larger than " + logged);
        }
        int free = fit.form().parameterNames().size() - fit.fixedCount();
        if (log.size() < 2 * free + 1) {
            throw new FitException(FitException.Reason.BAD_DATA, "the log " + log.name() + " has " + log.size()
                    + " loss points, too few to fit " + fit.describe() + " (" + free + " free parameters need at least "
                    + (2 * free + 1) + ")");
        }
        FitResult result = fit.on(List.of(log)).run();
        BootstrapResult bootstrap = Bootstrap.of(result).resamples(resamples).listener(FitListener.NONE).run();
        double[] past = log.learningRates();
        double current = past[logged - 1];
        double finalRate = current * finalFraction;
        List<CooldownPlan.Option> options = new ArrayList<>();
        CooldownPlan.Option best = null;
        int stride = Math.max(1, (total - logged) / GRID);
        for (Cooldown shape : SHAPES) {
            if (shape == Cooldown.EXP && finalRate == 0) {
                continue;
            }
            for (int start = logged; start < total; start += stride) {
                double[] lr = cooldown(past, logged, current, finalRate, start, shape);
                double predicted = result.law().finalLoss(lr);
                if (best == null || predicted < best.predicted().value()) {
                    best = option("best: " + shape.specName() + " from step " + start, start, shape, lr, predicted, null);
                }
            }
        }
        double[] bestLr = cooldown(past, logged, current, finalRate, best.start(), best.shape());
        CooldownPlan.Option recommended = option("recommended", best.start(), best.shape(), bestLr, 0,
                bootstrap.finalLoss(bestLr));
        Map<String, double[]> schedules = new LinkedHashMap<>();
        schedules.put("recommended", bestLr);
        options.add(recommended);
        addAlternative(options, schedules, "cooldown now", logged, Cooldown.LINEAR, past, logged, current, finalRate,
                bootstrap);
        for (double fraction : new double[] {0.1, 0.2}) {
            int start = (int) Math.round(total * (1 - fraction));
            String name = String.format(Locale.ROOT, "last %d%% linear", Math.round(fraction * 100));
            if (start >= logged) {
                addAlternative(options, schedules, name, start, Cooldown.LINEAR, past, logged, current, finalRate,
                        bootstrap);
            } else {
                options.add(new CooldownPlan.Option(name + " (not possible: starts at step " + start
                        + ", before the end of the log)", start, total - start, Cooldown.LINEAR, null, null));
            }
        }
        double[] cosine = cosineFromStart(past, logged, finalRate);
        schedules.put("cosine from the start", cosine);
        options.add(new CooldownPlan.Option("cosine from the start", firstPeak(past), total - firstPeak(past),
                Cooldown.COSINE, bootstrap.finalLoss(cosine), cosine));
        return new CooldownPlan(log.name(), logged, total, current, finalRate, result, bootstrap, options,
                bootstrap.ranking(schedules), Applicability.notes(result, bestLr));
    }

    private static CooldownPlan.Option option(String name, int start, Cooldown shape, double[] lr, double predicted,
            Estimate estimate) {
        Estimate value = estimate != null ? estimate : new Estimate(predicted, predicted, predicted, 0, 0);
        return new CooldownPlan.Option(name, start, lr.length - start, shape, value, lr);
    }

    private void addAlternative(List<CooldownPlan.Option> options, Map<String, double[]> schedules, String name,
            int start, Cooldown shape, double[] past, int logged, double current, double finalRate,
            BootstrapResult bootstrap) {
        double[] lr = cooldown(past, logged, current, finalRate, start, shape);
        schedules.put(name, lr);
        options.add(option(name, start, shape, lr, 0, bootstrap.finalLoss(lr)));
    }

    /** The log's rates, then the current rate until {@code start}, then the cooldown to {@code finalRate}. */
    private double[] cooldown(double[] past, int logged, double current, double finalRate, int start, Cooldown shape) {
        double[] lr = new double[total];
        System.arraycopy(past, 0, lr, 0, logged);
        int length = total - start;
        for (int t = logged; t < total; t++) {
            lr[t] = t < start ? current : shape.at(length == 1 ? 1 : (t - start) / (double) (length - 1), current,
                    finalRate);
        }
        return lr;
    }

    /** The log's warmup (up to its first peak), then cosine from that peak to {@code finalRate} at the last step. */
    private double[] cosineFromStart(double[] past, int logged, double finalRate) {
        int peakAt = firstPeak(past);
        double peak = past[peakAt];
        double[] lr = new double[total];
        System.arraycopy(past, 0, lr, 0, Math.min(peakAt + 1, logged));
        int length = total - peakAt;
        for (int t = peakAt; t < total; t++) {
            lr[t] = Cooldown.COSINE.at((t - peakAt) / (double) (length - 1), peak, finalRate);
        }
        return lr;
    }

    private static int firstPeak(double[] lr) {
        int peakAt = 0;
        for (int t = 1; t < lr.length && lr[t] >= lr[t - 1]; t++) {
            peakAt = lr[t] > lr[peakAt] ? t : peakAt;
        }
        return peakAt;
    }
}
