package org.trainkit.reweight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.trainkit.core.Progress;
import org.trainkit.core.Stats;
import org.trainkit.data.LabelledImages;
import org.trainkit.train.ModelEvaluation;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Hyperparameter choice on a validation split, never on test: each candidate text form of a
 * method trains under the {@link Protocol} on the training split for the given seeds, is scored on
 * the validation split, and the best mean score wins (ties: the first listed). The table lists
 * every candidate with its score and marks the choice.
 */
public final class ValidationSweep {

    /** How a validation evaluation is scored; higher is better. */
    public enum Criterion {
        /** Accuracy against the validation labels. */
        ACCURACY("validation accuracy"),
        /** The mean of the per-class accuracies (balanced accuracy), for imbalanced validation splits. */
        BALANCED_ACCURACY("validation balanced accuracy");

        private final String label;

        Criterion(String label) {
            this.label = label;
        }

        double score(ModelEvaluation e) {
            return this == ACCURACY ? e.accuracy() : Stats.mean(e.classAccuracy());
        }
    }

    private final Protocol protocol;
    private final LabelledImages train;
    private final LabelledImages validation;
    private final Criterion criterion;
    private final int seeds;
    private final StringColumn method = StringColumn.create("method");
    private final StringColumn candidate = StringColumn.create("candidate");
    private final StringColumn score;
    private final StringColumn chosenMark = StringColumn.create("chosen");
    private final Map<String, Strategy> chosen = new LinkedHashMap<>();

    private ValidationSweep(Protocol protocol, LabelledImages train, LabelledImages validation, Criterion criterion,
            int seeds) {
        this.protocol = protocol;
        this.train = train;
        this.validation = validation;
        this.criterion = criterion;
        this.seeds = seeds;
        this.score = StringColumn.create(criterion.label + (seeds > 1 ? " (mean of " + seeds + " seeds)" : ""));
    }

    /** A sweep training on {@code train} and scoring on {@code validation} with {@code seeds} seeds per candidate. */
    public static ValidationSweep on(Protocol protocol, LabelledImages train, LabelledImages validation,
            Criterion criterion, int seeds) {
        if (seeds < 1) {
            throw new IllegalArgumentException("a sweep needs at least one seed, got " + seeds);
        }
        return new ValidationSweep(protocol, train, validation, criterion, seeds);
    }

    /** Scores every candidate of {@code name}, remembers the best, and returns it. */
    public Strategy choose(String name, List<String> candidates, Progress progress) {
        Strategy best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        int first = method.size();
        for (String text : candidates) {
            Strategy strategy = Strategies.parse(text);
            double[] scores = new double[seeds];
            for (int s = 0; s < seeds; s++) {
                // seeds 100+ keep the sweep's runs apart from the seeds 0.. of the final comparison
                scores[s] = criterion.score(protocol.train(train, validation, strategy, 100 + s).testEvaluation());
                progress.advance(name + ": " + strategy.spec());
            }
            double mean = Stats.mean(scores);
            method.append(name);
            candidate.append(strategy.spec());
            score.append(String.format(Locale.ROOT, "%.4f", mean));
            chosenMark.append("");
            if (mean > bestScore) {
                bestScore = mean;
                best = strategy;
            }
        }
        for (int row = first; row < method.size(); row++) {
            if (candidate.get(row).equals(best.spec())) {
                chosenMark.set(row, "✓");
            }
        }
        chosen.put(name, best);
        return best;
    }

    /** The chosen strategy of each method swept so far. */
    public Map<String, Strategy> chosen() {
        return Map.copyOf(chosen);
    }

    /** Every candidate with its validation score; the choice marked. */
    public Table table(String title) {
        return Table.create(title, method.copy(), candidate.copy(), score.copy(), chosenMark.copy());
    }
}
