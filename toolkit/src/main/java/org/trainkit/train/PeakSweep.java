package org.trainkit.train;

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
 * ties to the smaller peak, a choice at the edge of the grid flagged. Schaipp et al. (arXiv
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

    private PeakSweep(TrainValidation split, UnaryOperator<Trainer> settings, double[] peaks, long[] seeds, String name) {
        this.split = split;
        this.settings = settings;
        this.peaks = peaks;
        this.seeds = seeds;
        this.name = name;
    }

    /**
     * A sweep that trains on {@code split.train()} and scores on {@code split.validation()}, with
     * the trainer settings {@code settings} applies (model, optimizer, batch size, length, ...).
     * Defaults: no peaks (set at least two with {@link #peaks}), seed 100, name "sweep".
     */
    public static PeakSweep on(TrainValidation split, UnaryOperator<Trainer> settings) {
        return new PeakSweep(Objects.requireNonNull(split, "split"), Objects.requireNonNull(settings, "settings"),
                new double[0], new long[] {100}, "sweep");
    }

    /** The candidate peaks, strictly increasing, each finite and {@code > 0}; at least two. */
    public PeakSweep peaks(double... peaks) {
        double[] p = peaks.clone();
        PeakChoice.of("peak sweep", p, new double[p.length]);
        return new PeakSweep(split, settings, p, seeds, name);
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
        return new PeakSweep(split, settings, peaks, seeds.clone(), name);
    }

    /** The prefix of the runs' names (default "sweep"). */
    public PeakSweep name(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("peak sweep: the name must not be blank");
        }
        return new PeakSweep(split, settings, peaks, seeds, name);
    }

    /** The number of training runs {@link #run} will do for {@code families} schedule families. */
    public int runs(int families) {
        return families * peaks.length * seeds.length;
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
        try (Progress bar = Progress.start(String.format(Locale.ROOT, "peak sweep: %d schedules x %d peaks x %d seed(s)",
                kept.size(), peaks.length, seeds.length), runs(kept.size()))) {
            for (Map.Entry<String, DoubleFunction<? extends Schedule>> family : kept.entrySet()) {
                double[] losses = new double[peaks.length];
                for (int p = 0; p < peaks.length; p++) {
                    Schedule schedule = family.getValue().apply(peaks[p]);
                    if (schedule == null) {
                        throw new IllegalArgumentException("peak sweep: the family '" + family.getKey()
                                + "' gave no schedule for peak " + peaks[p]);
                    }
                    double[] seedLosses = new double[seeds.length];
                    for (int s = 0; s < seeds.length; s++) {
                        TrainingResult r = train(family.getKey(), schedule, peaks[p], seeds[s]);
                        runs.add(new PeakSweepResult.Run(family.getKey(), peaks[p], seeds[s], schedule, r));
                        seedLosses[s] = r.testLoss();
                        bar.advance(String.format(Locale.ROOT, "%s peak %s seed %d: validation loss %.4f",
                                family.getKey(), PeakSweepResult.peakText(peaks[p]), seeds[s], r.testLoss()));
                    }
                    losses[p] = Arrays.stream(seedLosses).allMatch(Double::isFinite) ? Stats.mean(seedLosses) : Double.NaN;
                }
                choices.put(family.getKey(), PeakChoice.of(family.getKey(), peaks, losses));
            }
        }
        return new PeakSweepResult(kept, choices, runs);
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
