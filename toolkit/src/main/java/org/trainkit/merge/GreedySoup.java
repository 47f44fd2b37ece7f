package org.trainkit.merge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.trainkit.core.Progress;

/**
 * Model soups (Wortsman et al., ICML 2022): the uniform soup averages every fine-tune; the greedy
 * soup sorts the fine-tunes by held-out score, starts from the best, and in one pass adds each next
 * one to the running average, keeping it only if the held-out score of the average does not drop.
 * Every soup is written and scored as a checkpoint through {@link Merger} ({@code linear}), so the
 * score function reads a checkpoint directory, and higher scores are better (use accuracy, or a
 * negated loss).
 *
 * <pre>{@code
 * GreedySoup.Result soup = GreedySoup.of(fineTunes, dir -> validationAccuracy(dir)).workDirectory(tmp).run();
 * }</pre>
 */
public final class GreedySoup {

    private final List<Path> ingredients;
    private final ToDoubleFunction<Path> score;
    private Path work;
    private boolean progress = true;

    private GreedySoup(List<Path> ingredients, ToDoubleFunction<Path> score) {
        if (ingredients.isEmpty()) {
            throw new IllegalArgumentException("a soup needs at least one ingredient");
        }
        this.ingredients = List.copyOf(ingredients);
        this.score = score;
    }

    /** A greedy soup of {@code ingredients} (checkpoints), scored held-out by {@code score} (higher is better). */
    public static GreedySoup of(List<Path> ingredients, ToDoubleFunction<Path> score) {
        return new GreedySoup(ingredients, score);
    }

    /** Where candidate soups are written (required). */
    public GreedySoup workDirectory(Path directory) {
        this.work = directory;
        return this;
    }

    /** Whether to show a progress bar. */
    public GreedySoup progress(boolean show) {
        this.progress = show;
        return this;
    }

    /**
     * The greedy soup's ingredients, its held-out score and where it is written.
     *
     * @param ranked the ingredients, best single first, with their scores
     * @param kept the ingredients kept, in the order added
     * @param score the held-out score of the soup
     * @param soup the soup's checkpoint directory
     */
    public record Result(List<Scored> ranked, List<Path> kept, double score, Path soup) {
    }

    /** An ingredient and its held-out score. */
    public record Scored(Path path, double score) {
    }

    /** Writes the uniform soup of {@code models} into {@code output}. */
    public static MergeReport uniform(List<Path> models, Path output) {
        MergeConfig.Builder config = MergeConfig.method("linear");
        models.forEach(m -> config.model(m, "weight", 1.0));
        return Merger.of(config.build()).progress(false).run(output);
    }

    /** Runs the greedy pass. */
    public Result run() {
        if (work == null) {
            throw new IllegalStateException("greedy soup: set workDirectory(...) for the candidate soups");
        }
        try (Progress bar = progress ? Progress.start("greedy soup", 2 * ingredients.size() - 1) : Progress.silent()) {
            List<Scored> ranked = new ArrayList<>();
            for (Path p : ingredients) {
                ranked.add(new Scored(p, score.applyAsDouble(p)));
                bar.advance("scored " + p.getFileName());
            }
            ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
            List<Path> kept = new ArrayList<>(List.of(ranked.get(0).path()));
            double best = ranked.get(0).score();
            Path soup = work.resolve("greedy-soup");
            uniform(kept, soup);
            for (int i = 1; i < ranked.size(); i++) {
                List<Path> candidate = new ArrayList<>(kept);
                candidate.add(ranked.get(i).path());
                Path trial = work.resolve("greedy-candidate");
                uniform(candidate, trial);
                double s = score.applyAsDouble(trial);
                if (s >= best) {
                    kept = candidate;
                    best = s;
                    uniform(kept, soup);
                }
                bar.advance(kept.size() + " kept, score " + String.format(java.util.Locale.ROOT, "%.4f", best));
            }
            return new Result(List.copyOf(ranked), List.copyOf(kept), best, soup);
        }
    }
}
