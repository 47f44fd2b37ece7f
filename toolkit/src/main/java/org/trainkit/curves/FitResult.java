package org.trainkit.curves;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a {@link Fit}: the fitted law, its objective, the work done, and the way to
 * evaluate it on other curves or get bootstrap intervals for its parameters.
 */
public final class FitResult {

    private final LawForm form;
    private final List<LossCurve> curves;
    private final PreparedCurves prepared;
    private final HuberLeastSquares.Solution solution;
    private final int maxIterations;
    private final double seconds;
    private final FitListener listener;
    private final List<FitWarning> warnings;
    /** The start of a fit by the reference procedure ({@link Fit#referenceAdamW()}), or null for a converged fit. */
    private final double[] referenceStart;

    FitResult(PreparedCurves prepared, List<LossCurve> curves, HuberLeastSquares.Solution solution,
            int maxIterations, double seconds, FitListener listener, double[] referenceStart) {
        this.referenceStart = referenceStart == null ? null : referenceStart.clone();
        this.form = prepared.form;
        this.curves = curves;
        this.prepared = prepared;
        this.solution = solution;
        this.maxIterations = maxIterations;
        this.seconds = seconds;
        this.listener = listener;
        this.warnings = Identifiability.check(prepared, solution);
    }

    /**
     * Warnings that some parameters are not identified by the fitted curves (at a bound, a standard
     * error larger than the value, or confounded with another parameter; see {@link FitWarning}).
     * Empty when every parameter is determined.
     */
    public List<FitWarning> warnings() {
        return warnings;
    }

    /**
     * Whether every parameter is determined by the curves ({@link #warnings()} is empty). The one rule
     * for degenerate fits: a fit that is not identified may still predict the curves it was fitted
     * to, but its parameters mean nothing, so it is not ranked or compared with other laws as if they
     * did (notebook 02 leaves such fits out of its rankings).
     */
    public boolean identified() {
        return warnings.isEmpty();
    }

    /** The fitted law, ready to predict any schedule. */
    public Law law() {
        return form.law(values());
    }

    /** The form that was fitted. */
    public LawForm form() {
        return form;
    }

    /** The fitted parameter values by name, in the form's order. */
    public Map<String, Double> params() {
        return law().params();
    }

    /** The fitted values of {@link LawForm#parameterNames()}, in order (fixed ones included). */
    public double[] values() {
        return prepared.full(solution.params());
    }

    /** The summed Huber objective at the optimum. */
    public double objective() {
        return solution.objective();
    }

    /**
     * The summed Huber objective of the data alone at the optimum: {@link #objective()} less the
     * ridge penalty of {@link Fit#regularising} (equal to it without one).
     */
    public double dataObjective() {
        return solution.objective() - prepared.problem.penalty(solution.params());
    }

    /** Optimiser iterations used. */
    public int iterations() {
        return solution.iterations();
    }

    /** Objective-and-Jacobian evaluations used. */
    public int evaluations() {
        return solution.evaluations();
    }

    /** Wall-clock seconds of the fit, grid search included. */
    public double seconds() {
        return seconds;
    }

    /** The curves fitted. */
    public List<LossCurve> curves() {
        return curves;
    }

    /** The fitted law's errors on {@code testCurves} (see {@link Evaluation}). */
    public Evaluation evaluate(List<LossCurve> testCurves) {
        return law().evaluate(testCurves);
    }

    /** The fitted law's errors on the curves it was fitted to. */
    public Evaluation trainEvaluation() {
        return evaluate(curves);
    }

    /**
     * The objective this fit minimises along the straight line from its optimum ({@code t = 0}) to
     * other values of {@link LawForm#parameterNames()} ({@code t = 1}), at {@code points} evenly
     * spaced {@code t} from {@code -0.25} to {@code 1.25}: the evidence of whether the two points
     * lie in one valley, and how flat it is. With {@code logSpace} the line runs in the optimiser's
     * coordinates (the log of positive parameters, so that a parameter three orders of magnitude
     * apart, like the multi-power C of our fit and of the published one, moves geometrically);
     * otherwise in the parameters' own units. Fixed parameters move too when {@code other} differs
     * in them; a ridge penalty is not included; points outside the domain get NaN.
     *
     * @return a table with columns {@code t} and {@code objective}
     */
    public tech.tablesaw.api.Table profileTowards(double[] other, int points, boolean logSpace) {
        form.checkCount(other);
        if (points < 2) {
            throw new IllegalArgumentException("a profile needs at least 2 points: " + points);
        }
        PreparedCurves all = PreparedCurves.of(form, curves, prepared.problem.delta());
        double[] here = values();
        tech.tablesaw.api.DoubleColumn t = tech.tablesaw.api.DoubleColumn.create("t");
        tech.tablesaw.api.DoubleColumn objective = tech.tablesaw.api.DoubleColumn.create("objective");
        for (int i = 0; i < points; i++) {
            double position = -0.25 + 1.5 * i / (points - 1);
            double[] values = new double[here.length];
            for (int p = 0; p < here.length; p++) {
                Parameter.Domain domain = form.parameters().get(p).domain();
                values[p] = logSpace && domain != Parameter.Domain.REAL
                        ? domain.value(domain.theta(here[p]) + position * (domain.theta(other[p]) - domain.theta(here[p])))
                        : here[p] + position * (other[p] - here[p]);
            }
            boolean inside = true;
            for (int p = 0; p < values.length; p++) {
                inside &= form.parameters().get(p).contains(values[p]);
            }
            t.append(position);
            objective.append(inside ? all.problem.objective(values, null) : Double.NaN);
        }
        return tech.tablesaw.api.Table.create(form.name() + ": objective from the fit (t = 0) to other values (t = 1)"
                + (logSpace ? ", log space" : ""), t, objective);
    }

    /** Bootstrap intervals from {@code resamples} refits, on up to two threads, with a fixed seed. */
    public BootstrapResult bootstrap(int resamples) {
        return Bootstrap.of(this).resamples(resamples).run();
    }

    /**
     * The same fit redone with per-point weights (bootstrap multiplicities), free parameters only: a
     * converged fit is refitted to convergence from its optimum; a fit by the reference procedure
     * reruns that procedure from the same start, so the bootstrap resamples the estimator that was
     * used.
     */
    HuberLeastSquares.Solution refit(double[] weights) {
        if (referenceStart != null) {
            return ReferenceAdamW.minimise(prepared.problem, referenceStart, weights, FitListener.NONE);
        }
        return prepared.problem.minimise(prepared.free(values()), weights, maxIterations, FitListener.NONE);
    }

    PreparedCurves prepared() {
        return prepared;
    }

    int maxIterations() {
        return maxIterations;
    }

    FitListener listener() {
        return listener;
    }

    @Override
    public String toString() {
        return "FitResult[" + form.name() + " " + params() + ", objective " + objective() + ", " + iterations()
                + " iterations, " + String.format("%.3f s", seconds) + (warnings.isEmpty() ? "" : ", warnings " + warnings)
                + "]";
    }
}
