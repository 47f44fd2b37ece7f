package org.trainkit.curves;

import java.util.List;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The outcome of an {@link AutoFit}: the held-out errors of every candidate on every fold, the
 * chosen candidate, and its fit to all train curves.
 */
public final class AutoFitResult {

    private final List<AutoFit.Candidate> candidates;
    private final List<String> foldNames;
    private final double[][] predE;
    private final double[][] worstE;
    private final int chosen;
    private final FitResult fit;

    AutoFitResult(List<AutoFit.Candidate> candidates, List<String> foldNames, double[][] predE, double[][] worstE,
            int chosen, FitResult fit) {
        this.candidates = candidates;
        this.foldNames = List.copyOf(foldNames);
        this.predE = predE;
        this.worstE = worstE;
        this.chosen = chosen;
        this.fit = fit;
    }

    /** The chosen candidate's name, e.g. {@code mpl-shape-ridge-1e-05}. */
    public String chosenName() {
        return candidates.get(chosen).name();
    }

    /** The chosen candidate refitted on all train curves. */
    public FitResult fit() {
        return fit;
    }

    /** The candidates' names, in order. */
    public List<String> candidateNames() {
        return candidates.stream().map(AutoFit.Candidate::name).toList();
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
            name.append(candidates.get(c).name());
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
