package org.trainkit.curves;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of an {@link AutoFit}: the held-out errors of every candidate (single laws and means
 * of pairs) on every fold, the chosen candidate, and its members fitted to all train curves.
 */
public final class AutoFitResult {

    private final List<String> candidates;
    /** Each candidate's members: its own name, or the two names a mean averages. */
    private final List<List<String>> candidateMembers;
    /** Candidate indices with a finite score, best first. */
    private final List<Integer> ranked;
    private final List<String> foldNames;
    private final double[][] predE;
    private final double[][] worstE;
    private final int chosen;
    private final List<String> members;
    private final List<FitResult> fits;
    private final List<LossCurve> curves;

    AutoFitResult(List<String> candidates, List<List<String>> candidateMembers, List<Integer> ranked,
            List<String> foldNames, double[][] predE, double[][] worstE, int chosen, List<FitResult> fits,
            List<LossCurve> curves) {
        this.candidates = List.copyOf(candidates);
        this.candidateMembers = List.copyOf(candidateMembers);
        this.ranked = List.copyOf(ranked);
        this.foldNames = List.copyOf(foldNames);
        this.predE = predE;
        this.worstE = worstE;
        this.chosen = chosen;
        this.members = this.candidateMembers.get(chosen);
        this.fits = List.copyOf(fits);
        this.curves = List.copyOf(curves);
    }

    /** The chosen candidate's name, e.g. {@code mpl-shape-held} or {@code mean(mpl, annealing-lambda-0.999)}. */
    public String chosenName() {
        return candidates.get(chosen);
    }

    /** The candidates the chosen one averages (one name for a single law, two for a mean). */
    public List<String> memberNames() {
        return members;
    }

    /** The single candidates a candidate of the table averages: its own name, or the two of a mean. */
    public List<String> membersOf(String candidate) {
        return candidateMembers.get(index(candidate));
    }

    /**
     * The candidates with a finite score, lowest (best) first, equal scores in list order: the order
     * in which {@link AutoFit} tries them (the chosen one is the first whose members fit all curves).
     */
    public List<String> ranking() {
        return ranked.stream().map(candidates::get).toList();
    }

    /** The chosen candidate's members, each refitted on all train curves (one, or two for a mean). */
    public List<FitResult> fits() {
        return fits;
    }

    /** The chosen law: the single fit's law, or the {@link MeanLaw} of the two members' fits. */
    public Law law() {
        return fits.size() == 1 ? fits.get(0).law() : new MeanLaw(members, fits.stream().map(FitResult::law).toList());
    }

    /** The chosen law's errors on {@code testCurves}. */
    public Evaluation evaluate(List<LossCurve> testCurves) {
        return Evaluation.of(law(), testCurves);
    }

    /** The train curves it was chosen and fitted on. */
    public List<LossCurve> curves() {
        return curves;
    }

    /**
     * The members' warnings about parameters their curves do not determine; for a mean each names its
     * member, and its parameters are keyed as in {@link MeanLaw#params()} ({@code member.parameter}).
     */
    public List<FitWarning> warnings() {
        List<FitWarning> all = new java.util.ArrayList<>();
        for (int m = 0; m < fits.size(); m++) {
            String member = members.get(m);
            for (FitWarning w : fits.get(m).warnings()) {
                all.add(fits.size() == 1 ? w : new FitWarning(w.parameters().stream().map(p -> member + "." + p).toList(),
                        member + ": " + w.message()));
            }
        }
        return List.copyOf(all);
    }

    /**
     * Block-bootstrap intervals for the chosen law and its predictions ({@link Bootstrap#of(AutoFitResult)}:
     * moving blocks of a tenth of each curve, seed 1); for a mean, both members are redone on each
     * resample.
     */
    public BootstrapResult bootstrap(int resamples) {
        return Bootstrap.of(this).resamples(resamples).run();
    }

    /** Whether every member's parameters are identified ({@link FitResult#identified()}). */
    public boolean identified() {
        return fits.stream().allMatch(FitResult::identified);
    }

    /** The candidates' names, in order. */
    public List<String> candidateNames() {
        return candidates;
    }

    /** The mean held-out PredE of a candidate over the folds (infinite if it failed on one). */
    public double crossValidatedPredE(String candidate) {
        return AutoFit.mean(predE[index(candidate)]);
    }

    /** The mean held-out WorstE of a candidate over the folds. */
    public double crossValidatedWorstE(String candidate) {
        return AutoFit.mean(worstE[index(candidate)]);
    }

    /**
     * The cross-validation table: one row per candidate, the held-out PredE of each fold (each train
     * curve left out; with {@link AutoFit#laterSegments}, also the later segments), their mean, the mean held-out WorstE, the score (their sum, lowest chosen), and which
     * was chosen.
     */
    public Table table() {
        StringColumn name = StringColumn.create("candidate");
        DoubleColumn[] folds = new DoubleColumn[foldNames.size()];
        for (int f = 0; f < folds.length; f++) {
            folds[f] = DoubleColumn.create("PredE " + foldNames.get(f));
        }
        DoubleColumn mean = DoubleColumn.create("CV PredE");
        DoubleColumn worst = DoubleColumn.create("CV WorstE");
        DoubleColumn score = DoubleColumn.create("score");
        BooleanColumn picked = BooleanColumn.create("chosen");
        for (int c = 0; c < candidates.size(); c++) {
            name.append(candidates.get(c));
            for (int f = 0; f < folds.length; f++) {
                folds[f].append(predE[c][f]);
            }
            mean.append(AutoFit.mean(predE[c]));
            worst.append(AutoFit.mean(worstE[c]));
            score.append(AutoFit.score(predE[c], worstE[c]));
            picked.append(c == chosen);
        }
        Table table = Table.create(foldNames.size() > 0 && foldNames.get(foldNames.size() - 1).startsWith("after")
                ? "cross-validation: each curve left out, and the later segments" : "leave-one-curve-out cross-validation", name);
        table.addColumns(folds);
        return table.addColumns(mean, worst, score, picked);
    }

    private int index(String candidate) {
        int c = candidateNames().indexOf(candidate);
        if (c < 0) {
            throw new IllegalArgumentException("no candidate " + candidate + " in " + candidateNames());
        }
        return c;
    }

    @Override
    public String toString() {
        return "AutoFitResult[chosen " + chosenName() + ", CV PredE " + crossValidatedPredE(chosenName()) + ", CV WorstE "
                + crossValidatedWorstE(chosenName()) + "]";
    }
}
