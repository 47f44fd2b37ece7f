package org.trainkit.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.trainkit.core.Progress;

/**
 * Chooses the law to fit by leave-one-curve-out cross-validation on the train curves alone. The
 * candidates: the full multi-power law of Luo et al. 2025; the same with its shape {@code C, beta,
 * gamma} held at the reference start or pulled towards it by a ridge penalty of three strengths; the
 * same fitted by the authors' own procedure, early-stopped AdamW ({@link Fit#referenceAdamW()}); the
 * learning-rate annealing law of Tissue et al. 2024 with lambda fitted or 0.999; and the mean of the
 * predictions of every pair of these ({@link MeanLaw}, model averaging). Each is fitted to all train
 * curves but one and scored on the one left out, in turn; the candidate with the lowest score, mean
 * held-out PredE plus mean held-out WorstE (mean and largest relative error, the two figures the
 * multi-power-law paper reports), is refitted on every train curve. Equal scores go to the
 * earlier candidate in the list, which puts simpler before more flexible and single laws before
 * means. Test curves are never looked at. A candidate that fails to fit a fold scores infinity on it.
 *
 * <p>With {@link #laterSegments(double)} one more fold scores extrapolation in time: every candidate
 * is fitted to each train curve's points before a fraction of its steps and scored on the points
 * after it (forward chaining, as for time series), PredE and WorstE averaged over the curves.
 *
 * <pre>{@code
 * AutoFitResult auto = AutoFit.on(train).run();
 * auto.chosenName();          // e.g. "mean(mpl-shape-held, mpl-reference-adamw)"
 * auto.evaluate(test);        // the chosen law refitted on all train curves, scored on test
 * auto.table();               // the cross-validation table
 * }</pre>
 */
public final class AutoFit {

    /** One candidate: a name for tables and the command line, and the fit to run. */
    public record Candidate(String name, Fit fit) {
        public Candidate {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(fit, "fit");
        }
    }

    private final List<LossCurve> curves;
    private final List<Candidate> candidates;
    private final boolean progress;
    /** The fraction of each curve's steps fitted in the later-segment fold, or 0 for no such fold. */
    private final double laterFrom;
    /** Whether the means of pairs of candidates are scored too. */
    private final boolean pairs;

    private AutoFit(List<LossCurve> curves, List<Candidate> candidates, boolean progress, double laterFrom,
            boolean pairs) {
        this.pairs = pairs;
        this.curves = curves;
        this.candidates = candidates;
        this.progress = progress;
        this.laterFrom = laterFrom;
    }

    /**
     * A cross-validated choice on these train curves, with the default candidates.
     *
     * @throws IllegalArgumentException with fewer than two curves (nothing to leave out)
     */
    public static AutoFit on(List<LossCurve> trainCurves) {
        if (trainCurves.size() < 2) {
            throw new IllegalArgumentException("leave-one-curve-out cross-validation needs at least 2 train curves, got "
                    + trainCurves.size());
        }
        return new AutoFit(List.copyOf(trainCurves), defaultCandidates(), false, 0, true);
    }

    /** The default candidates, in the tie-breaking order. */
    public static List<Candidate> defaultCandidates() {
        List<Candidate> list = new ArrayList<>();
        Fit mpl = Fit.of(LawForm.multiPower());
        list.add(new Candidate("mpl-shape-held", mpl.fixing("C", MultiPowerLawForm.START_C)
                .fixing("beta", MultiPowerLawForm.START_BETA).fixing("gamma", MultiPowerLawForm.START_GAMMA)));
        for (double weight : new double[] {1e-4, 1e-5, 1e-6}) {
            list.add(new Candidate(String.format(java.util.Locale.ROOT, "mpl-shape-ridge-%.0e", weight),
                    mpl.regularising(Fit.referenceShape(), weight)));
        }
        list.add(new Candidate("mpl", mpl));
        list.add(new Candidate("mpl-reference-adamw", mpl.referenceAdamW()));
        list.add(new Candidate("annealing-lambda-0.999", Fit.of(LawForm.annealing(0.999))));
        list.add(new Candidate("annealing", Fit.of(LawForm.annealing())));
        return List.copyOf(list);
    }

    /** Other candidates instead of the defaults. */
    public AutoFit candidates(List<Candidate> list) {
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no candidates");
        }
        if (list.stream().map(Candidate::name).distinct().count() != list.size()) {
            throw new IllegalArgumentException("candidate names repeat: " + list.stream().map(Candidate::name).toList());
        }
        return new AutoFit(curves, List.copyOf(list), progress, laterFrom, pairs);
    }

    /** Whether to report progress through {@link Progress} (a bar in notebooks). */
    public AutoFit progress(boolean show) {
        return new AutoFit(curves, candidates, show, laterFrom, pairs);
    }

    /**
     * Adds the later-segment fold: candidates fitted to the points before {@code fraction} of each
     * curve's steps, scored on the points after it (for example 2/3: predict the last third).
     *
     * @throws IllegalArgumentException unless {@code 0 < fraction < 1}
     */
    public AutoFit laterSegments(double fraction) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the fitted fraction of each curve must lie strictly between 0 and 1, got "
                    + fraction);
        }
        return new AutoFit(curves, candidates, progress, fraction, pairs);
    }

    /**
     * Whether to score, beside each candidate, the mean of every pair of candidates' predictions
     * ({@link MeanLaw}; on by default). A pair costs no fits of its own: its fold predictions are
     * the mean of its members' fold fits. Pairs come after the single candidates in the tie-breaking
     * order, the way a simpler model goes before a more flexible one.
     */
    public AutoFit averagingPairs(boolean pairs) {
        return new AutoFit(curves, candidates, progress, laterFrom, pairs);
    }

    /**
     * Runs the folds and refits the chosen candidate (both members, for a pair) on all curves. If a
     * member of the best-scored candidate cannot be fitted to all curves together, the next best is
     * chosen, and so on.
     *
     * @throws FitException if no candidate with a finite score can be fitted to all curves (the
     *     first refit failure), or every candidate fails on some fold
     */
    public AutoFitResult run() {
        int folds = curves.size() + (laterFrom > 0 ? 1 : 0);
        List<String> foldNames = new ArrayList<>();
        curves.forEach(c -> foldNames.add("without " + c.name()));
        if (laterFrom > 0) {
            foldNames.add(String.format(java.util.Locale.ROOT, "after %.0f%% of each curve", 100 * laterFrom));
        }
        List<List<LossCurve>> heldOut = new ArrayList<>();
        List<List<LossCurve>> fitted = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<LossCurve> fit = new ArrayList<>();
            List<LossCurve> held = new ArrayList<>();
            if (f < curves.size()) {
                fit.addAll(curves);
                held.add(fit.remove(f));
            } else {
                for (LossCurve curve : curves) {
                    int cut = (int) Math.round(laterFrom * curve.totalSteps());
                    fit.add(curve.before(cut));
                    held.add(curve.from(cut));
                }
            }
            fitted.add(fit);
            heldOut.add(held);
        }
        Law[][] foldLaws = new Law[candidates.size()][folds];
        Progress bar = progress ? Progress.start("cross-validation", candidates.size() * folds) : Progress.silent();
        for (int c = 0; c < candidates.size(); c++) {
            for (int f = 0; f < folds; f++) {
                try {
                    foldLaws[c][f] = candidates.get(c).fit().on(fitted.get(f)).run().law();
                } catch (FitException | IllegalArgumentException e) {
                    foldLaws[c][f] = null;   // scores infinity on this fold
                }
                bar.advance(candidates.get(c).name() + " " + foldNames.get(f));
            }
        }
        bar.close();
        List<int[]> entries = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            entries.add(new int[] {c});
        }
        if (pairs) {
            for (int a = 0; a < candidates.size(); a++) {
                for (int b = a + 1; b < candidates.size(); b++) {
                    entries.add(new int[] {a, b});
                }
            }
        }
        double[][] predE = new double[entries.size()][folds];
        double[][] worstE = new double[entries.size()][folds];
        double[] scores = new double[entries.size()];
        for (int e = 0; e < entries.size(); e++) {
            for (int f = 0; f < folds; f++) {
                Law law = law(entries.get(e), foldLaws, f);
                Evaluation metrics = law == null ? null : evaluate(law, heldOut.get(f));
                predE[e][f] = metrics == null ? Double.POSITIVE_INFINITY : finite(metrics.predE());
                worstE[e][f] = metrics == null ? Double.POSITIVE_INFINITY : finite(metrics.worstE());
            }
            scores[e] = score(predE[e], worstE[e]);
        }
        List<String> names = entries.stream().map(this::entryName).toList();
        List<List<String>> entryMembers = entries.stream()
                .map(entry -> java.util.Arrays.stream(entry).mapToObj(c -> candidates.get(c).name()).toList()).toList();
        List<Integer> ranked = ranking(scores);
        FitResult[] refits = new FitResult[candidates.size()];
        FitException[] refitFailures = new FitException[candidates.size()];
        FitException firstFailure = null;
        for (int e : ranked) {
            List<FitResult> fits = new ArrayList<>();
            for (int c : entries.get(e)) {
                if (refits[c] == null && refitFailures[c] == null) {
                    try {
                        refits[c] = candidates.get(c).fit().on(curves).run();
                    } catch (FitException failure) {
                        refitFailures[c] = failure;
                    }
                }
                if (refits[c] == null) {
                    firstFailure = firstFailure == null ? refitFailures[c] : firstFailure;
                    break;
                }
                fits.add(refits[c]);
            }
            if (fits.size() == entries.get(e).length) {
                return new AutoFitResult(names, entryMembers, ranked, foldNames, predE, worstE, e, fits, curves);
            }
        }
        if (firstFailure != null) {
            throw firstFailure;
        }
        throw new FitException(FitException.Reason.BAD_DATA, "auto fit: every candidate failed on some held-out"
                + " fold");
    }

    /**
     * The entries with a finite score, lowest first; equal scores in list order. The chosen
     * candidate is the first whose members can all be fitted to every curve: one that fits each fold
     * but fails on all curves together (a parameter running off) gives way to the next.
     */
    private static List<Integer> ranking(double[] scores) {
        List<Integer> order = new ArrayList<>();
        for (int e = 0; e < scores.length; e++) {
            if (Double.isFinite(scores[e])) {
                order.add(e);
            }
        }
        order.sort((x, y) -> scores[x] != scores[y] ? Double.compare(scores[x], scores[y]) : Integer.compare(x, y));
        return order;
    }

    /** The law of an entry (a candidate, or the mean of two) fitted on fold {@code f}, or null if a member failed. */
    private static Law law(int[] entry, Law[][] foldLaws, int f) {
        if (entry.length == 1) {
            return foldLaws[entry[0]][f];
        }
        Law a = foldLaws[entry[0]][f];
        Law b = foldLaws[entry[1]][f];
        return a == null || b == null ? null : new MeanLaw(List.of("a", "b"), List.of(a, b));
    }

    private static Evaluation evaluate(Law law, List<LossCurve> held) {
        try {
            return law.evaluate(held);
        } catch (IllegalArgumentException | FitException e) {
            return null;
        }
    }

    private String entryName(int[] entry) {
        return entry.length == 1 ? candidates.get(entry[0]).name()
                : meanName(candidates.get(entry[0]).name(), candidates.get(entry[1]).name());
    }

    /** The name of the mean of two candidates, as in the cross-validation table: {@code mean(a, b)}. */
    public static String meanName(String first, String second) {
        return "mean(" + first + ", " + second + ")";
    }

    /** The selection score: mean held-out PredE plus mean held-out WorstE. */
    static double score(double[] predE, double[] worstE) {
        return mean(predE) + mean(worstE);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double finite(double value) {
        return Double.isFinite(value) ? value : Double.POSITIVE_INFINITY;
    }
}
