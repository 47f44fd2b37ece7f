package org.trainkit.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.trainkit.curves.Law;
import org.trainkit.schedules.Cooldown;
import org.trainkit.schedules.Numbers;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.Schedules;
import org.trainkit.schedules.SpecException;
import org.trainkit.schedules.Wsd;

/**
 * Precomputes what a fitted law predicts for a grid of WSD schedules (peak x warmup x cooldown
 * fraction) so that a page can switch between them without a running kernel: the interactive
 * explorer of notebook 02. For each point of the grid it stores the schedule's rates and the law's
 * predicted loss at about {@code points} steps (half of them spread over the whole run, half over
 * its last 30%, which the page can zoom into), and for each (peak, warmup) the cosine schedule
 * with the same ends as a reference. {@link ExplorerGrid#html(String)} turns the grid into one
 * self-contained HTML block (inline data and script, no network) with three sliders; in a notebook
 * the grid as a cell's last expression shows that block with a static picture of its initial state.
 *
 * <pre>{@code
 * ExplorerGrid grid = ScheduleExplorer.under(law).total(24000)
 *         .peaks(1e-4, 2e-4, 3e-4, 4.5e-4, 6e-4).warmups(500, 1000, 2160, 4000)
 *         .cooldowns(0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8).shape(Cooldown.SQRT).build();
 * grid   // the last expression of a notebook cell
 * }</pre>
 *
 * <p>Every schedule ends at {@code finalFraction * peak} (default 0.1, the "10x" decay of the
 * multi-power-law data, Luo et al., arXiv 2503.12811). An immutable builder: each setter returns a
 * new explorer.
 */
public final class ScheduleExplorer {

    /** The default number of steps at which each curve is stored. */
    public static final int DEFAULT_POINTS = 160;
    /** The final rate is rounded to this precision, so that 0.1 x 3e-4 reads 3e-5 in the text form. */
    private static final MathContext FINAL_DIGITS = new MathContext(12);
    /** The zoomed view shows the steps from this fraction of the run on. */
    static final double ZOOM_FROM = 0.7;

    private final Law law;
    private final int total;
    private final double[] peaks;
    private final int[] warmups;
    private final double[] cooldowns;
    private final Cooldown shape;
    private final double finalFraction;
    private final int points;
    private final String title;

    private ScheduleExplorer(Law law, int total, double[] peaks, int[] warmups, double[] cooldowns, Cooldown shape,
            double finalFraction, int points, String title) {
        this.law = law;
        this.total = total;
        this.peaks = peaks;
        this.warmups = warmups;
        this.cooldowns = cooldowns;
        this.shape = shape;
        this.finalFraction = finalFraction;
        this.points = points;
        this.title = title;
    }

    /** An explorer of what {@code law} predicts; set at least the length and the three grids. */
    public static ScheduleExplorer under(Law law) {
        return new ScheduleExplorer(Objects.requireNonNull(law, "law"), 0, new double[0], new int[0], new double[0],
                Cooldown.SQRT, 0.1, DEFAULT_POINTS, "WSD schedules and the loss predicted by the fitted law");
    }

    /** The number of steps of every schedule. */
    public ScheduleExplorer total(int steps) {
        return new ScheduleExplorer(law, steps, peaks, warmups, cooldowns, shape, finalFraction, points, title);
    }

    /** The peak rates of the first slider, increasing, each {@code > 0}. */
    public ScheduleExplorer peaks(double... values) {
        return new ScheduleExplorer(law, total, values.clone(), warmups, cooldowns, shape, finalFraction, points, title);
    }

    /** The warmup lengths of the second slider, increasing, each {@code >= 0}. */
    public ScheduleExplorer warmups(int... values) {
        return new ScheduleExplorer(law, total, peaks, values.clone(), cooldowns, shape, finalFraction, points, title);
    }

    /** The cooldown fractions of the third slider, increasing, each in (0, 1]. */
    public ScheduleExplorer cooldowns(double... values) {
        return new ScheduleExplorer(law, total, peaks, warmups, values.clone(), shape, finalFraction, points, title);
    }

    /** The cooldown shape (default 1-sqrt). */
    public ScheduleExplorer shape(Cooldown cooldown) {
        return new ScheduleExplorer(law, total, peaks, warmups, cooldowns, Objects.requireNonNull(cooldown, "shape"),
                finalFraction, points, title);
    }

    /** The final rate as a fraction of the peak, in [0, 1) (default 0.1); {@code > 0} for the exp shape. */
    public ScheduleExplorer finalFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("explorer: final fraction must be in [0, 1), got " + fraction);
        }
        return new ScheduleExplorer(law, total, peaks, warmups, cooldowns, shape, fraction, points, title);
    }

    /** The number of steps stored per curve, at least 10 (default {@value #DEFAULT_POINTS}). */
    public ScheduleExplorer points(int count) {
        if (count < 10) {
            throw new IllegalArgumentException("explorer: at least 10 points per curve, got " + count);
        }
        return new ScheduleExplorer(law, total, peaks, warmups, cooldowns, shape, finalFraction, count, title);
    }

    /** The heading shown above the sliders. */
    public ScheduleExplorer title(String heading) {
        return new ScheduleExplorer(law, total, peaks, warmups, cooldowns, shape, finalFraction, points,
                Objects.requireNonNull(heading, "title"));
    }

    /**
     * Evaluates the law on every schedule of the grid.
     *
     * @throws IllegalArgumentException naming the setting, when a grid is empty or not increasing, or a
     *     combination is impossible (a cooldown longer than the run after the warmup)
     */
    public ExplorerGrid build() {
        if (total < 2) {
            throw new IllegalArgumentException("explorer: set total(...) to the run length (>= 2 steps), got " + total);
        }
        increasing("peaks", peaks);
        increasing("warmups", Arrays.stream(warmups).asDoubleStream().toArray());
        increasing("cooldowns", cooldowns);
        int zoomFrom = (int) Math.floor(ZOOM_FROM * total);
        int[] steps = IntStream.concat(Arrays.stream(PredictedCurve.evenSteps(1, total - 1, points - points / 2)),
                Arrays.stream(PredictedCurve.evenSteps(zoomFrom, total - 1, points / 2))).sorted().distinct().toArray();
        List<PredictedCurve> wsd = new ArrayList<>();
        List<PredictedCurve> cosine = new ArrayList<>();
        for (double peak : peaks) {
            for (int warmup : warmups) {
                double finalLr = new BigDecimal(finalFraction * peak).round(FINAL_DIGITS).doubleValue();
                cosine.add(curve(String.format("cosine peak=%s warmup=%d", Numbers.format(peak), warmup),
                        Schedules.cosine(peak, finalLr, warmup, total), steps));
                for (double cooldown : cooldowns) {
                    Wsd schedule;
                    try {
                        schedule = Schedules.wsd().peak(peak).finalLr(finalLr).warmup(warmup).total(total)
                                .decay(cooldown).shape(shape).build();
                    } catch (SpecException e) {
                        throw new IllegalArgumentException("explorer: the grid point peak=" + Numbers.format(peak)
                                + ", warmup=" + warmup + ", cooldown=" + Numbers.format(cooldown)
                                + " is not a schedule: " + e.getMessage(), e);
                    }
                    wsd.add(curve(schedule.spec(), schedule, steps));
                }
            }
        }
        return new ExplorerGrid(title, law.name(), total, zoomFrom, shape, finalFraction, peaks, warmups, cooldowns, steps, wsd,
                cosine);
    }

    private PredictedCurve curve(String name, Schedule schedule, int[] steps) {
        double[] rates = schedule.toArray();
        double[] lr = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            lr[i] = rates[steps[i]];
        }
        double[] losses = law.predict(rates, steps);
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isFinite(losses[i])) {
                throw new IllegalArgumentException("explorer: the " + law.name() + " law predicts " + losses[i]
                        + " at step " + steps[i] + " of " + name);
            }
        }
        return new PredictedCurve(name, steps, lr, losses);
    }

    private static void increasing(String setting, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("explorer: set " + setting + "(...); the grid is empty");
        }
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] > values[i - 1])) {
                throw new IllegalArgumentException("explorer: " + setting + " must increase, got " + values[i]
                        + " after " + values[i - 1]);
            }
        }
    }
}
