package org.trainkit.merge;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The straight line {@code (1 - t) theta_A + t theta_B} between two checkpoints, each point merged
 * through {@link Merger} ({@code linear}) and scored by a caller's function (a loss, say): the
 * linear-mode-connectivity probe of Frankle et al. (2020) and Ainsworth et al. (2023). The barrier
 * is the largest excess of the path's loss over the straight line between its two ends.
 *
 * <pre>{@code
 * LinearPath.Result before = LinearPath.between(a, b).points(11).workDirectory(tmp).run(dir -> loss(dir));
 * }</pre>
 */
public final class LinearPath {

    private final Path a;
    private final Path b;
    private int points = 11;
    private Path work;

    private LinearPath(Path a, Path b) {
        this.a = a;
        this.b = b;
    }

    /** The path from checkpoint {@code a} (t = 0) to {@code b} (t = 1). */
    public static LinearPath between(Path a, Path b) {
        return new LinearPath(a, b);
    }

    /** The number of evenly spaced points, ends included (at least 2). */
    public LinearPath points(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("a path needs at least 2 points, got " + count);
        }
        this.points = count;
        return this;
    }

    /** Where the points are merged (required). */
    public LinearPath workDirectory(Path directory) {
        this.work = directory;
        return this;
    }

    /**
     * The scores along the path.
     *
     * @param t the interpolation factors
     * @param values the score at each
     */
    public record Result(double[] t, double[] values) {
        /** Copies the arrays. */
        public Result {
            t = t.clone();
            values = values.clone();
        }

        @Override
        public double[] t() {
            return t.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        /** {@code max_t [v(t) - ((1 - t) v(0) + t v(1))]}: the barrier (0 when the path lies below the line). */
        public double barrier() {
            double worst = 0;
            int last = values.length - 1;
            for (int i = 0; i < values.length; i++) {
                worst = Math.max(worst, values[i] - ((1 - t[i]) * values[0] + t[i] * values[last]));
            }
            return worst;
        }

        @Override
        public String toString() {
            return "path " + Arrays.toString(values) + ", barrier " + barrier();
        }
    }

    /** Merges and scores every point. */
    public Result run(ToDoubleFunction<Path> score) {
        if (work == null) {
            throw new IllegalStateException("linear path: set workDirectory(...)");
        }
        double[] t = new double[points];
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = (double) i / (points - 1);
            Path dir = work.resolve("path-point");
            MergeConfig config = MergeConfig.method("linear").model(a, "weight", 1 - t[i]).model(b, "weight", t[i])
                    .parameter("normalize", false).build();
            Merger.of(config).progress(false).run(dir);
            values[i] = score.applyAsDouble(dir);
        }
        return new Result(t, values);
    }
}
