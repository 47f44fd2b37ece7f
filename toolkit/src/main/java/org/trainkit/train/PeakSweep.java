package org.trainkit.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;
import java.util.function.UnaryOperator;
import org.trainkit.core.Progress;
import org.trainkit.core.Stats;
import org.trainkit.data.TrainValidation;
import org.trainkit.schedules.Schedule;

/**
 * Every schedule at its own best peak learning rate, chosen on a validation split and never on
 * test. For each schedule family (a function from a peak to a schedule) and each candidate peak,
 * a run trains on the split's training part with each sweep seed and is evaluated on the held-out
 * validation part (the run's "test" evaluation is the validation split, so nothing in the sweep
 * can see the test set); the peak is chosen by {@link PeakChoice}: lowest mean validation loss,
 * ties to the smaller peak, a choice at the edge of the grid flagged (or, with
 * {@link #extendAtEdges}, the grid extended past it). Schaipp et al. (arXiv
 * 2501.18965) and Hägele et al. (arXiv 2405.18392) compare schedules the same way, each at its own
 * tuned base rate.
 *
 * <pre>{@code
 * PeakSweepResult sweep = PeakSweep.on(fmnist.train().split(0.1, 7),
 *                 t -> t.model(Models.mlp(256)).optimizer(Optimizers.sgd()).batchSize(128).epochs(5))
 *         .peaks(0.05, 0.1, 0.2).seeds(100)
 *         .run(Map.of("D2Z", peak -> Schedules.d2z(peak, 117, 2105)));
 * sweep.chosenPeak("D2Z");   sweep.table();
 * }</pre>
 *
 * <p>The settings operator configures everything but the schedule, the seed, the name and the
 * progress display, which the sweep sets for each run (each run's log goes where {@link Trainer}
 * puts it by default, named {@code <name>-<schedule>-peak<p>-seed<s>}). Runs are deterministic, so a
 * sweep run at the chosen peak is the same run a later training with that seed on the same
 * training part would give. Immutable: each setter returns a new sweep.
 */
public final class PeakSweep {

    private final TrainValidation split;
    private final UnaryOperator<Trainer> settings;
    private final double[] peaks;
    private final long[] seeds;
    private final String name;
    private final int extensions;

    private PeakSweep(TrainValidation split, UnaryOperator<Trainer> settings, double[] peaks, long[] seeds, String name,
            int extensions) {
        this.split = split;
        this.settings = settings;
        this.peaks = peaks;
        this.seeds = seeds;
        this.name = name;
        this.extensions = extensions;
    }

    /**
     * A sweep that trains on {@code split.train()} and scores on {@code split.validation()}, with
     * the trainer settings {@code settings} applies (model, optimizer, batch size, length, ...).
     * Defaults: no peaks (set at least two with {@link #peaks}), seed 100, name "sweep".
     */
    public static PeakSweep on(TrainValidation split, UnaryOperator<Trainer> settings) {
        return new PeakSweep(Objects.requireNonNull(split, "split"), Objects.requireNonNull(settings, "settings"),
                new double[0], new long[] {100}, "sweep", 0);
    }

    /** The candidate peaks, strictly increasing, each finite and {@code > 0}; at least two. */
    public PeakSweep peaks(double... peaks) {
        double[] p = peaks.clone();
        PeakChoice.of("peak sweep", p, new double[p.length]);
        return new PeakSweep(split, settings, p, seeds, name, extensions);
    }

    /**
     * The seeds of every candidate (the score is the mean validation loss over them); keep them apart
     * from the seeds of the final comparison so that the choice and the report rest on different runs.
     */
    public PeakSweep seeds(long... seeds) {
        if (seeds.length < 1 || Arrays.stream(seeds).distinct().count() != seeds.length) {
            throw new IllegalArgumentException("peak sweep: expected at least one seed, all different, got "
                    + Arrays.toString(seeds));
        }
        return new PeakSweep(split, settings, peaks, seeds.clone(), name, extensions);
    }

    /** The prefix of the runs' names (default "sweep"). */
    public PeakSweep name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("peak sweep: the name must not be blank");
        }
        return new PeakSweep(split, settings, peaks, seeds, name, extensions);
    }

    /**
     * Lets the grid grow where the choice lands on its edge: while a family's best peak is the
     * smallest (largest) of its grid, one more peak is tried beyond it, a grid step further (the
     * ratio of the two peaks at that end), at most {@code extensions} times per family (default 0:
     * the grid as given). A choice still at the edge afterwards is flagged as before.
     */
    public PeakSweep extendAtEdges(int extensions) {
        if (extensions < 0) {
            throw new IllegalArgumentException("peak sweep: extensions must be >= 0, got " + extensions);
        }
        return new PeakSweep(split, settings, peaks, seeds, name, extensions);
    }

    /** The most training runs {@link #run} will do for {@code families} schedule families (grid and extensions). */
    public int runs(int families) {
        return families * (peaks.length + extensions) * seeds.length;
    }

    /**
     * Trains every family at every peak with every seed (a progress bar shows each run's validation
     * loss) and chooses each family's peak.
     *
     * @throws IllegalStateException when fewer than two peaks are set
     * @throws IllegalArgumentException when there is no family, a family gives no schedule, or
     *     every run of a family diverged
     */
    public PeakSweepResult run(Map<String, ? extends DoubleFunction<? extends Schedule>> families) {
        if (peaks.length < 2) {
            throw new IllegalStateException("peak sweep: set at least two candidate peaks with peaks(...)");
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("peak sweep: no schedule family to sweep");
        }
        Map<String, DoubleFunction<? extends Schedule>> kept = new LinkedHashMap<>(families);
        List<PeakSweepResult.Run> runs = new ArrayList<>();
        Map<String, PeakChoice> choices = new LinkedHashMap<>();
        String label = String.format(Locale.ROOT, "peak sweep: %d schedules x %d peaks x %d seed(s)%s", kept.size(),
                peaks.length, seeds.length, extensions == 0 ? "" : ", grid extended at its edges");
        try (Progress bar = Progress.start(label, runs(kept.size()))) {
            for (Map.Entry<String, DoubleFunction<? extends Schedule>> family : kept.entrySet()) {
                List<Double> grid = new ArrayList<>();
                List<Double> losses = new ArrayList<>();
                for (double peak : peaks) {
                    grid.add(peak);
                    losses.add(score(family.getKey(), family.getValue(), peak, runs, bar));
                }
                PeakChoice choice = choice(family.getKey(), grid, losses);
                for (int extended = 0; extended < extensions && choice.atEdge(); extended++) {
                    int n = grid.size();
                    boolean low = choice.chosen() == 0;
                    double step = low ? grid.get(0) / grid.get(1) : grid.get(n - 1) / grid.get(n - 2);
                    // rounded to 10 significant digits, so that 0.05 * 0.05 / 0.1 is 0.025 and not 0.025000000000000005
                    double peak = new BigDecimal(grid.get(low ? 0 : n - 1) * step).round(new MathContext(10)).doubleValue();
                    double loss = score(family.getKey(), family.getValue(), peak, runs, bar);
                    grid.add(low ? 0 : n, peak);
                    losses.add(low ? 0 : n, loss);
                    choice = choice(family.getKey(), grid, losses);
                }
                choices.put(family.getKey(), choice);
            }
            bar.set(runs(kept.size()), runs.size() + " runs");
        }
        return new PeakSweepResult(kept, choices, runs);
    }

    /** Trains the family at {@code peak} with every seed; the mean validation loss (NaN if any run diverged). */
    private double score(String family, DoubleFunction<? extends Schedule> schedules, double peak,
            List<PeakSweepResult.Run> runs, Progress bar) {
        Schedule schedule = schedules.apply(peak);
        if (schedule == null) {
            throw new IllegalArgumentException("peak sweep: the family '" + family + "' gave no schedule for peak " + peak);
        }
        double[] seedLosses = new double[seeds.length];
        for (int s = 0; s < seeds.length; s++) {
            TrainingResult r = train(family, schedule, peak, seeds[s]);
            runs.add(new PeakSweepResult.Run(family, peak, seeds[s], schedule, r));
            seedLosses[s] = r.testLoss();
            bar.advance(String.format(Locale.ROOT, "%s peak %s seed %d: validation loss %.4f", family,
                    PeakSweepResult.peakText(peak), seeds[s], r.testLoss()));
        }
        return Arrays.stream(seedLosses).allMatch(Double::isFinite) ? Stats.mean(seedLosses) : Double.NaN;
    }

    private static PeakChoice choice(String family, List<Double> grid, List<Double> losses) {
        return PeakChoice.of(family, grid.stream().mapToDouble(Double::doubleValue).toArray(),
                losses.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private TrainingResult train(String family, Schedule schedule, double peak, long seed) {
        Trainer trainer = settings.apply(Trainer.on(split.train(), split.validation()));
        if (trainer == null) {
            throw new IllegalArgumentException("peak sweep: the settings operator returned no trainer");
        }
        String runName = (name + "-" + family + "-peak" + PeakSweepResult.peakText(peak) + "-seed" + seed)
                .replaceAll("[^A-Za-z0-9.]+", "-");
        return trainer.schedule(schedule).seed(seed).progress(false).name(runName).train();
    }

    @Override
    public String toString() {
        return "PeakSweep[peaks " + Arrays.toString(peaks) + ", seeds " + Arrays.toString(seeds) + ", train on "
                + split.train() + ", score on " + split.validation() + "]";
    }
}
