package org.trainkit.merge;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.trainkit.core.Progress;

/**
 * LCSC, linear combination of saved checkpoints (Liu et al. 2024, arXiv 2404.02241): {@code theta =
 * sum_i alpha_i theta_i} over checkpoints of one run, with the coefficients found by evolutionary
 * search against a user-supplied score (higher is better; e.g. a negated validation loss). The
 * search here is a seeded (1 + lambda) evolution strategy: it starts from the uniform average; each
 * generation draws {@code population} children by adding Gaussian noise of scale {@code sigma} to
 * the best coefficients and renormalising them to sum 1 (so the merged weights keep their scale;
 * coefficients may be negative); the best child replaces the parent when it scores higher, and
 * sigma shrinks by 0.7 after a generation without improvement. Every candidate is written and
 * scored as a checkpoint through {@link Merger}.
 */
public final class Lcsc {

    private final List<Path> checkpoints;
    private final ToDoubleFunction<Path> score;
    private Path work;
    private long seed;
    private int generations = 10;
    private int population = 8;
    private double sigma = 0.3;
    private boolean progress = true;

    private Lcsc(List<Path> checkpoints, ToDoubleFunction<Path> score) {
        if (checkpoints.size() < 2) {
            throw new IllegalArgumentException("LCSC combines at least two checkpoints, got " + checkpoints.size());
        }
        this.checkpoints = List.copyOf(checkpoints);
        this.score = score;
    }

    /** A search over coefficients of {@code checkpoints}, maximising {@code score} of the merged checkpoint. */
    public static Lcsc of(List<Path> checkpoints, ToDoubleFunction<Path> score) {
        return new Lcsc(checkpoints, score);
    }

    /** Where candidates are written (required). */
    public Lcsc workDirectory(Path directory) {
        this.work = directory;
        return this;
    }

    /** The seed of the search. */
    public Lcsc seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Generations and children per generation. */
    public Lcsc budget(int generations, int population) {
        if (generations < 1 || population < 1) {
            throw new IllegalArgumentException("LCSC: generations and population must be >= 1");
        }
        this.generations = generations;
        this.population = population;
        return this;
    }

    /** The initial noise scale, relative to a coefficient of 1 (the scale of the uniform average is 1/n). */
    public Lcsc sigma(double sigma) {
        this.sigma = sigma;
        return this;
    }

    /** Whether to show a progress bar. */
    public Lcsc progress(boolean show) {
        this.progress = show;
        return this;
    }

    /**
     * The coefficients found, their score, the uniform average's score and where the best is written.
     *
     * @param coefficients one per checkpoint, summing to 1
     * @param score the best score
     * @param uniformScore the uniform average's score (the start)
     * @param evaluations the candidates scored
     * @param merged the best combination's checkpoint directory
     */
    public record Result(double[] coefficients, double score, double uniformScore, int evaluations, Path merged) {
        /** Copies the coefficients. */
        public Result {
            coefficients = coefficients.clone();
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }
    }

    /** Runs the search. */
    public Result run() {
        if (work == null) {
            throw new IllegalStateException("LCSC: set workDirectory(...) for the candidates");
        }
        int n = checkpoints.size();
        SplittableRandom random = new SplittableRandom(seed);
        double[] best = new double[n];
        Arrays.fill(best, 1.0 / n);
        Path bestDir = work.resolve("lcsc-best");
        Path trial = work.resolve("lcsc-candidate");
        try (Progress bar = progress ? Progress.start("LCSC search", 1 + generations * population) : Progress.silent()) {
            double bestScore = evaluate(best, bestDir);
            double uniform = bestScore;
            bar.advance("uniform " + fmt(uniform));
            double s = sigma;
            int evaluations = 1;
            for (int g = 0; g < generations; g++) {
                double[] bestChild = null;
                double bestChildScore = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < population; c++) {
                    double[] child = new double[n];
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        child[i] = best[i] + s * gaussian(random) / n;
                        sum += child[i];
                    }
                    if (Math.abs(sum) < 1e-6) {
                        continue;
                    }
                    for (int i = 0; i < n; i++) {
                        child[i] /= sum;
                    }
                    double score = evaluate(child, trial);
                    evaluations++;
                    if (score > bestChildScore) {
                        bestChildScore = score;
                        bestChild = child;
                    }
                    bar.advance("best " + fmt(bestScore));
                }
                if (bestChild != null && bestChildScore > bestScore) {
                    best = bestChild;
                    bestScore = bestChildScore;
                } else {
                    s *= 0.7;
                }
            }
            merge(best, bestDir);
            return new Result(best, bestScore, uniform, evaluations, bestDir);
        }
    }

    private double evaluate(double[] coefficients, Path dir) {
        merge(coefficients, dir);
        return score.applyAsDouble(dir);
    }

    private void merge(double[] coefficients, Path dir) {
        MergeConfig.Builder config = MergeConfig.method("linear").parameter("normalize", false);
        for (int i = 0; i < coefficients.length; i++) {
            config.model(checkpoints.get(i), "weight", coefficients[i]);
        }
        Merger.of(config.build()).progress(false).run(dir);
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
