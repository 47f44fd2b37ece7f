package org.trainkit.curves;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Fits {@link ChinchillaLaw} to scaling runs as in the replication of Besiroglu et al. (2024): in
 * log space, {@code log L^ = LSE(a - alpha log N, b - beta log D, e)} with {@code A = e^a},
 * {@code B = e^b}, {@code E = e^e}, minimising the summed {@code Huber(1e-3)} of
 * {@code log L - log L^} from a grid of starts ({@code alpha, beta} in 0, 0.5, .., 2; {@code e} in
 * -1, -0.5, .., 1; {@code a, b} in 0, 5, .., 25: 4500 points).
 *
 * <p>One deviation, for speed: the replication runs L-BFGS from every grid point; here the objective
 * is evaluated at every grid point and Levenberg-Marquardt (on Huber-transformed residuals, which
 * minimises the same objective) runs from the best {@link #starts(int)} of them (default 10).
 *
 * <pre>{@code
 * ChinchillaFit.Result fit = ChinchillaFit.on(points).run();
 * fit.law().loss(1e9, 2e10);
 * }</pre>
 */
public final class ChinchillaFit {

    private static final List<Parameter> PARAMETERS = List.of(Parameter.positive("E"), Parameter.positive("A"),
            Parameter.positive("B"), Parameter.real("alpha"), Parameter.real("beta"));

    private final List<ScalingPoint> points;
    private final double huberDelta;
    private final int starts;
    private final FitListener listener;

    private ChinchillaFit(List<ScalingPoint> points, double huberDelta, int starts, FitListener listener) {
        this.points = points;
        this.huberDelta = huberDelta;
        this.starts = starts;
        this.listener = listener;
    }

    /** A fit to these runs. */
    public static ChinchillaFit on(List<ScalingPoint> points) {
        return new ChinchillaFit(List.copyOf(points), Fit.DEFAULT_HUBER_DELTA, 10, FitListener.NONE);
    }

    /** The Huber threshold on log-loss residuals (default 1e-3). */
    public ChinchillaFit huberDelta(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("huber delta must be positive: " + delta);
        }
        return new ChinchillaFit(points, delta, starts, listener);
    }

    /** How many of the best grid points to optimise from (default 10; 4500 runs them all). */
    public ChinchillaFit starts(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one start: " + count);
        }
        return new ChinchillaFit(points, huberDelta, count, listener);
    }

    /** Receives a {@code "optimise"} progress report per start. */
    public ChinchillaFit listener(FitListener progress) {
        return new ChinchillaFit(points, huberDelta, starts, Objects.requireNonNull(progress, "listener"));
    }

    /** The fitted law and its summed Huber objective. */
    public record Result(ChinchillaLaw law, double objective) {
    }

    /**
     * Runs the fit.
     *
     * @throws FitException if there are fewer runs than parameters or no start converges
     */
    public Result run() {
        if (points.size() < PARAMETERS.size()) {
            throw new FitException(FitException.Reason.BAD_DATA, "chinchilla fit: " + points.size()
                    + " runs for " + PARAMETERS.size() + " parameters");
        }
        double[] losses = points.stream().mapToDouble(ScalingPoint::loss).toArray();
        HuberLeastSquares problem = new HuberLeastSquares("chinchilla", PARAMETERS, this::predict, losses, huberDelta);
        List<double[]> grid = new ArrayList<>();
        for (double a = 0; a <= 25; a += 5) {
            for (double b = 0; b <= 25; b += 5) {
                for (double e = -1; e <= 1; e += 0.5) {
                    for (double alpha = 0; alpha <= 2; alpha += 0.5) {
                        for (double beta = 0; beta <= 2; beta += 0.5) {
                            double[] start = {Math.exp(e), Math.exp(a), Math.exp(b), alpha, beta};
                            grid.add(new double[] {problem.objective(start, null), start[0], start[1], start[2],
                                    alpha, beta});
                        }
                    }
                }
            }
        }
        grid.sort(Comparator.comparingDouble(g -> g[0]));
        HuberLeastSquares.Solution best = null;
        FitException firstFailure = null;
        int count = Math.min(starts, grid.size());
        for (int s = 0; s < count; s++) {
            double[] start = Arrays.copyOfRange(grid.get(s), 1, 6);
            try {
                HuberLeastSquares.Solution solution = problem.minimise(start, null, Fit.DEFAULT_MAX_ITERATIONS,
                        FitListener.NONE);
                if (best == null || solution.objective() < best.objective()) {
                    best = solution;
                }
            } catch (FitException failed) {
                firstFailure = firstFailure == null ? failed : firstFailure;
            }
            listener.onProgress(new FitProgress("optimise", s + 1, count, best == null ? Double.NaN : best.objective()));
        }
        if (best == null) {
            throw firstFailure;
        }
        double[] p = best.params();
        return new Result(new ChinchillaLaw(p[0], p[1], p[2], p[3], p[4]), best.objective());
    }

    private void predict(double[] p, double[] out, double[][] jacobian) {
        for (int i = 0; i < points.size(); i++) {
            ScalingPoint point = points.get(i);
            double size = Math.pow(point.parameters(), -p[3]);
            double data = Math.pow(point.tokens(), -p[4]);
            out[i] = p[0] + p[1] * size + p[2] * data;
            if (jacobian != null) {
                double[] j = jacobian[i];
                j[0] = 1;
                j[1] = size;
                j[2] = data;
                j[3] = -p[1] * size * Math.log(point.parameters());
                j[4] = -p[2] * data * Math.log(point.tokens());
            }
        }
    }
}
