package org.trainkit.curves;

import java.util.List;
import java.util.Locale;
import org.trainkit.core.Estimate;
import org.trainkit.schedules.Cooldown;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of a {@link CooldownPlanner}: the recommended cooldown and the alternatives, each with
 * its predicted final loss and 95% bootstrap interval, the fit they come from, its warnings, and
 * notes on where the law was applied beyond what it was fitted on.
 */
public final class CooldownPlan {

    /**
     * One schedule for the rest of the run.
     *
     * @param name what it is, e.g. {@code recommended}, {@code cooldown now}
     * @param start the step the cooldown starts at
     * @param length the cooldown's length in steps
     * @param shape the cooldown's shape
     * @param predicted the predicted final loss with its interval; null when the option is not possible
     * @param learningRates the whole run's per-step rates; null when not possible
     */
    public record Option(String name, int start, int length, Cooldown shape, Estimate predicted,
            double[] learningRates) {

        /** Whether the option can still be taken. */
        public boolean possible() {
            return predicted != null;
        }
    }

    private final String run;
    private final int logged;
    private final int total;
    private final double current;
    private final double finalRate;
    private final FitResult fit;
    private final BootstrapResult bootstrap;
    private final List<Option> options;
    private final Table ranking;
    private final List<String> notes;

    CooldownPlan(String run, int logged, int total, double current, double finalRate, FitResult fit,
            BootstrapResult bootstrap, List<Option> options, Table ranking, List<String> notes) {
        this.run = run;
        this.logged = logged;
        this.total = total;
        this.current = current;
        this.finalRate = finalRate;
        this.fit = fit;
        this.bootstrap = bootstrap;
        this.options = List.copyOf(options);
        this.ranking = ranking;
        this.notes = List.copyOf(notes);
    }

    /** The recommended cooldown. */
    public Option recommended() {
        return options.get(0);
    }

    /** The recommendation first, then the alternatives. */
    public List<Option> options() {
        return options;
    }

    /** The fit to the log. */
    public FitResult fit() {
        return fit;
    }

    /** The bootstrap of the fit the intervals come from. */
    public BootstrapResult bootstrap() {
        return bootstrap;
    }

    /** The fit's identifiability warnings. */
    public List<FitWarning> warnings() {
        return fit.warnings();
    }

    /** Where the recommended schedule takes the law beyond what it was fitted on. */
    public List<String> notes() {
        return notes;
    }

    /** Steps logged so far. */
    public int loggedSteps() {
        return logged;
    }

    /** The total budget. */
    public int totalSteps() {
        return total;
    }

    /** The learning rate at the end of the log, held until a cooldown starts. */
    public double currentRate() {
        return current;
    }

    /** The rate a cooldown ends at. */
    public double finalRate() {
        return finalRate;
    }

    /** The options ranked by predicted final loss over the resamples (see {@link BootstrapResult#ranking}). */
    public Table ranking() {
        return ranking;
    }

    /** The predicted loss curve of an option from the end of the log, with its 95% band, at {@code points} steps. */
    public PredictionBand band(Option option, int points) {
        if (!option.possible()) {
            throw new IllegalArgumentException(option.name() + " is not possible");
        }
        int count = Math.max(2, points);
        int[] steps = new int[count];
        for (int i = 0; i < count; i++) {
            steps[i] = (int) Math.round(logged - 1 + (total - logged) * (double) i / (count - 1));
        }
        for (int i = 1; i < count; i++) {
            steps[i] = Math.max(steps[i], steps[i - 1] + 1);
        }
        steps[count - 1] = Math.min(steps[count - 1], total - 1);
        return bootstrap.band(option.learningRates(), java.util.Arrays.stream(steps).distinct()
                .filter(s -> s < total).toArray(), 0.95);
    }

    /** One row per option: name, cooldown start, length, shape, predicted final loss and its 95% interval. */
    public Table table() {
        StringColumn name = StringColumn.create("option");
        IntColumn start = IntColumn.create("cooldown start");
        IntColumn length = IntColumn.create("length");
        StringColumn shape = StringColumn.create("shape");
        DoubleColumn loss = DoubleColumn.create("final loss");
        DoubleColumn lower = DoubleColumn.create("lower95");
        DoubleColumn upper = DoubleColumn.create("upper95");
        for (Option option : options) {
            name.append(option.name());
            start.append(option.start());
            length.append(option.length());
            shape.append(option.shape().specName());
            if (option.possible()) {
                loss.append(option.predicted().value());
                lower.append(option.predicted().lower());
                upper.append(option.predicted().upper());
            } else {
                loss.appendMissing();
                lower.appendMissing();
                upper.appendMissing();
            }
        }
        return Table.create(String.format(Locale.ROOT, "%s: cooldown plan for %d steps (logged %d, %s)", run, total,
                logged, fit.form().name()), name, start, length, shape, loss, lower, upper);
    }

    @Override
    public String toString() {
        Option best = recommended();
        return String.format(Locale.ROOT, "CooldownPlan[%s: %s cooldown from step %d (%d steps), final loss %s]", run,
                best.shape().specName(), best.start(), best.length(), best.predicted().format(4));
    }
}
