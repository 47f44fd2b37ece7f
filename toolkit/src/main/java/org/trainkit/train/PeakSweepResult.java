package org.trainkit.train;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;
import org.trainkit.core.Stats;
import org.trainkit.schedules.Schedule;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a {@link PeakSweep} measured and chose: every run's validation loss and accuracy, and each
 * schedule family's {@link PeakChoice}. Results of separate sweeps (say, of a schedule built from
 * an earlier sweep's runs) combine with {@link #and}.
 */
public final class PeakSweepResult {

    /**
     * One sweep run.
     *
     * @param family the schedule family's name
     * @param peak the candidate peak
     * @param seed the run's seed
     * @param schedule the schedule trained
     * @param result the run; its "test" evaluation is the validation split
     */
    public record Run(String family, double peak, long seed, Schedule schedule, TrainingResult result) {

        /** Checks the fields. */
        public Run {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(result, "result");
        }

        /** The mean cross-entropy on the validation split. */
        public double validationLoss() {
            return result.testLoss();
        }

        /** The accuracy on the validation split. */
        public double validationAccuracy() {
            return result.testAccuracy();
        }
    }

    private final Map<String, DoubleFunction<? extends Schedule>> families;
    private final Map<String, PeakChoice> choices;
    private final List<Run> runs;

    PeakSweepResult(Map<String, DoubleFunction<? extends Schedule>> families, Map<String, PeakChoice> choices,
            List<Run> runs) {
        this.families = Map.copyOf(families);
        this.choices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        this.runs = List.copyOf(runs);
    }

    /** This result and {@code other}'s together (the families must be different). */
    public PeakSweepResult and(PeakSweepResult other) {
        Map<String, DoubleFunction<? extends Schedule>> f = new LinkedHashMap<>(families);
        Map<String, PeakChoice> c = new LinkedHashMap<>(choices);
        for (String family : other.choices.keySet()) {
            if (c.containsKey(family)) {
                throw new IllegalArgumentException("peak sweep: '" + family + "' was swept in both results");
            }
        }
        f.putAll(other.families);
        c.putAll(other.choices);
        List<Run> r = new ArrayList<>(runs);
        r.addAll(other.runs);
        return new PeakSweepResult(f, c, r);
    }

    /** The choice for each family, in the order swept. */
    public Map<String, PeakChoice> choices() {
        return choices;
    }

    /** The choice for the named family. */
    public PeakChoice choice(String family) {
        PeakChoice c = choices.get(family);
        if (c == null) {
            throw new IllegalArgumentException("peak sweep: no family '" + family + "'; swept " + choices.keySet());
        }
        return c;
    }

    /** The chosen peak of the named family. */
    public double chosenPeak(String family) {
        return choice(family).peak();
    }

    /** The named family's schedule at its chosen peak. */
    public Schedule chosenSchedule(String family) {
        return families.get(choice(family).schedule()).apply(chosenPeak(family));
    }

    /** Every run, in the order trained. */
    public List<Run> runs() {
        return runs;
    }

    /** The run of {@code family} at {@code peak} with {@code seed}. */
    public Run run(String family, double peak, long seed) {
        return runs.stream().filter(r -> r.family().equals(family) && r.peak() == peak && r.seed() == seed).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("peak sweep: no run of '" + family + "' at peak " + peak
                        + " with seed " + seed));
    }

    /**
     * One row per family and peak: schedule, peak, validation_loss and validation_accuracy (means over
     * the sweep's seeds), and chosen ("✓" on the chosen row).
     */
    public Table table() {
        StringColumn family = StringColumn.create("schedule");
        DoubleColumn peak = DoubleColumn.create("peak");
        DoubleColumn loss = DoubleColumn.create("validation_loss");
        DoubleColumn accuracy = DoubleColumn.create("validation_accuracy");
        StringColumn chosen = StringColumn.create("chosen");
        choices.forEach((name, choice) -> {
            double[] peaks = choice.peaks();
            for (int p = 0; p < peaks.length; p++) {
                double at = peaks[p];
                List<Run> here = runs.stream().filter(r -> r.family().equals(name) && r.peak() == at).toList();
                family.append(name);
                peak.append(at);
                loss.append(choice.losses()[p]);
                accuracy.append(Stats.mean(here.stream().mapToDouble(Run::validationAccuracy).toArray()));
                chosen.append(p == choice.chosen() ? "✓" : "");
            }
        });
        return Table.create("Peak sweep: validation loss per schedule and peak", family, peak, loss, accuracy, chosen);
    }

    /** One row per family: schedule, chosen_peak, validation_loss at it, and where it lies in the grid. */
    public Table choicesTable() {
        StringColumn family = StringColumn.create("schedule");
        DoubleColumn peak = DoubleColumn.create("chosen_peak");
        DoubleColumn loss = DoubleColumn.create("validation_loss");
        StringColumn where = StringColumn.create("in the grid");
        choices.forEach((name, choice) -> {
            family.append(name);
            peak.append(choice.peak());
            loss.append(choice.loss());
            where.append(choice.note());
        });
        return Table.create("The peak chosen for each schedule (lowest validation loss)", family, peak, loss, where);
    }

    /** A peak as short text for run names and progress: 0.1, 0.05, 3e-4. */
    static String peakText(double peak) {
        return new BigDecimal(Double.toString(peak)).stripTrailingZeros().toString().replace("E-", "e-")
                .replace("E+", "e");
    }

    @Override
    public String toString() {
        return "PeakSweepResult" + choices.values();
    }
}
