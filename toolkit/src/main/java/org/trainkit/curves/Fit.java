package org.trainkit.curves;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fits a law to one or more loss curves jointly, as in the reference fitting of the multi-power law
 * (Luo et al. 2025): the objective is the SUM over every logged point of every curve of
 * {@code Huber(delta)} of {@code log L - log L^} (delta = 1e-3 by default), the optimiser starts from
 * a grid search ({@link LawForm}'s starting point) and then moves all parameters with
 * Levenberg-Marquardt on the Huber-transformed residuals with the analytic Jacobian (Hipparchus).
 *
 * <pre>{@code
 * FitResult fit = Fit.of(LawForm.multiPower()).on(train).run();
 * }</pre>
 *
 * <p>An immutable builder: each setter returns a new {@code Fit}. {@link #run()} throws
 * {@link FitException} rather than return an optimum it cannot vouch for.
 */
public final class Fit {

    /** The Huber threshold of the reference fitting. */
    public static final double DEFAULT_HUBER_DELTA = 1e-3;
    /** The default iteration budget of the optimiser. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    private final LawForm form;
    private final List<LossCurve> curves;
    private final double huberDelta;
    private final int maxIterations;
    private final double[] start;
    private final Map<String, Double> fixed;
    private final FitListener listener;
    private final Map<String, Double> ridgeCentres;
    private final double ridgeWeight;
    /** Whether to fit by the multi-power law's reference procedure ({@link #referenceAdamW()}). */
    private final boolean reference;

    private Fit(LawForm form, List<LossCurve> curves, double huberDelta, int maxIterations, double[] start,
            Map<String, Double> fixed, FitListener listener) {
        this(form, curves, huberDelta, maxIterations, start, fixed, listener, Map.of(), 0, false);
    }

    private Fit(LawForm form, List<LossCurve> curves, double huberDelta, int maxIterations, double[] start,
            Map<String, Double> fixed, FitListener listener, Map<String, Double> ridgeCentres, double ridgeWeight,
            boolean reference) {
        this.reference = reference;
        this.ridgeCentres = ridgeCentres;
        this.ridgeWeight = ridgeWeight;
        this.form = form;
        this.curves = curves;
        this.huberDelta = huberDelta;
        this.maxIterations = maxIterations;
        this.start = start;
        this.fixed = fixed;
        this.listener = listener;
    }

    /** A fit of {@code form}, still to be given its curves. */
    public static Fit of(LawForm form) {
        return new Fit(Objects.requireNonNull(form, "form"), List.of(), DEFAULT_HUBER_DELTA, DEFAULT_MAX_ITERATIONS,
                null, Map.of(), FitListener.NONE);
    }

    /** The curves to fit jointly. */
    public Fit on(List<LossCurve> trainCurves) {
        return new Fit(form, List.copyOf(trainCurves), huberDelta, maxIterations, start, fixed, listener, ridgeCentres,
                ridgeWeight, reference);
    }

    /** The curves to fit jointly. */
    public Fit on(LossCurve... trainCurves) {
        return on(List.of(trainCurves));
    }

    /** The Huber threshold on log-loss residuals (default 1e-3). */
    public Fit huberDelta(double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("huber delta must be positive: " + delta);
        }
        return new Fit(form, curves, delta, maxIterations, start, fixed, listener, ridgeCentres, ridgeWeight, reference);
    }

    /** The optimiser's iteration budget (default 1000); running out is a {@link FitException}. */
    public Fit maxIterations(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("max iterations must be at least 1: " + iterations);
        }
        return new Fit(form, curves, huberDelta, iterations, start, fixed, listener, ridgeCentres, ridgeWeight, reference);
    }

    /** Starts the optimiser here (values for {@link LawForm#parameterNames()}) instead of the grid search. */
    public Fit startingFrom(double... values) {
        form.checkCount(values);
        return new Fit(form, curves, huberDelta, maxIterations, values.clone(), fixed, listener, ridgeCentres,
                ridgeWeight, reference);
    }

    /**
     * Holds a parameter at a value instead of fitting it (for instance the multi-power law's shape
     * {@code C, beta, gamma} at the reference start 1, 0.5, 0.5, or {@code L0} at a known floor).
     */
    public Fit fixing(String parameter, double value) {
        int index = form.parameterNames().indexOf(parameter);
        if (index < 0) {
            throw new IllegalArgumentException(form.name() + " has no parameter " + parameter + "; it has "
                    + form.parameterNames());
        }
        Parameter spec = form.parameters().get(index);
        if (!spec.contains(value)) {
            throw new IllegalArgumentException(parameter + " = " + value + " is outside its domain (" + spec.describe()
                    + ")");
        }
        Map<String, Double> more = new LinkedHashMap<>(fixed);
        more.put(parameter, value);
        return new Fit(form, curves, huberDelta, maxIterations, start, Map.copyOf(more), listener, ridgeCentres,
                ridgeWeight, reference);
    }

    /** Receives progress reports (grid search, then optimiser iterations). */
    public Fit listener(FitListener progress) {
        return new Fit(form, curves, huberDelta, maxIterations, start, fixed,
                Objects.requireNonNull(progress, "listener"), ridgeCentres, ridgeWeight, reference);
    }

    /**
     * Adds a ridge penalty {@code weight * sum (ln p - ln centre)^2} over the named parameters to the
     * objective (log space for positive parameters; the value itself for L0), which pulls
     * parameters the curves barely determine towards a prior value instead of letting them run
     * along a flat valley: the multi-power law's shape {@code C, beta, gamma} towards the reference
     * start {@code 1, 0.5, 0.5}. {@link FitResult#objective()} then includes the penalty. Replaces
     * any earlier penalty.
     *
     * @param weight the penalty weight, {@code > 0}; the summed Huber objective of the published
     *     train curves is about 1e-4, so weights of 1e-6 to 1e-4 range from a light to a firm pull
     */
    public Fit regularising(Map<String, Double> centres, double weight) {
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("ridge weight must be positive: " + weight);
        }
        for (Map.Entry<String, Double> entry : centres.entrySet()) {
            int index = form.parameterNames().indexOf(entry.getKey());
            if (index < 0) {
                throw new IllegalArgumentException(form.name() + " has no parameter " + entry.getKey() + "; it has "
                        + form.parameterNames());
            }
            if (!form.parameters().get(index).contains(entry.getValue())) {
                throw new IllegalArgumentException(entry.getKey() + " = " + entry.getValue()
                        + " is outside its domain (" + form.parameters().get(index).describe() + ")");
            }
        }
        return new Fit(form, curves, huberDelta, maxIterations, start, fixed, listener,
                Map.copyOf(new LinkedHashMap<>(centres)), weight, reference);
    }

    /**
     * Fits by the multi-power law's reference procedure (Luo et al. 2025, the settings of the
     * authors' fitting code) instead of to convergence: from the simpler law's grid fit with
     * {@code C = 1, beta = 0.5, gamma = 0.5}, at most 200 AdamW steps (learning rate 5e-2 for
     * amplitudes and scales, 5e-3 for exponents, weight decay 0.01, stopped after 20 steps without
     * improvement). On the published train curves it ends near the published parameters, well above
     * the objective's minimum: an early-stopped, weight-decayed fit, which {@link AutoFit} scores as
     * one more way to generalise. A start given by {@link #startingFrom} replaces the grid fit.
     *
     * @throws IllegalArgumentException for a form other than the multi-power law, whose paper this
     *     procedure belongs to
     */
    public Fit referenceAdamW() {
        if (!(form instanceof MultiPowerLawForm)) {
            throw new IllegalArgumentException("the reference AdamW procedure is the multi-power law's (Luo et al."
                    + " 2025); " + form.name() + " is fitted to convergence, without referenceAdamW()");
        }
        return new Fit(form, curves, huberDelta, maxIterations, start, fixed, listener, ridgeCentres, ridgeWeight, true);
    }

    /** The multi-power law's reference shape start {@code C = 1, beta = 0.5, gamma = 0.5}, for {@link #regularising}. */
    public static Map<String, Double> referenceShape() {
        Map<String, Double> shape = new LinkedHashMap<>();
        shape.put("C", MultiPowerLawForm.START_C);
        shape.put("beta", MultiPowerLawForm.START_BETA);
        shape.put("gamma", MultiPowerLawForm.START_GAMMA);
        return shape;
    }

    /** The number of parameters held fixed. */
    public int fixedCount() {
        return fixed.size();
    }

    /** The form being fitted. */
    public LawForm form() {
        return form;
    }

    /** A short description: the form, fixed parameters and penalty, e.g. {@code mpl, C,beta,gamma held}. */
    public String describe() {
        StringBuilder text = new StringBuilder(form.name());
        if (!form.parameterNames().contains("lambda") && form.name().equals("annealing")) {
            text.append(" (lambda fixed)");
        }
        if (!fixed.isEmpty()) {
            text.append(", ").append(String.join(",", fixed.keySet())).append(" held");
        }
        if (reference) {
            text.append(", reference AdamW");
        }
        if (ridgeWeight > 0) {
            text.append(", ").append(String.join(",", ridgeCentres.keySet()))
                    .append(String.format(java.util.Locale.ROOT, " ridge %.0e", ridgeWeight));
        }
        return text.toString();
    }

    /**
     * The objective this fit minimises (the summed Huber of log-loss residuals over its curves, with
     * its Huber threshold) at the given values of {@link LawForm#parameterNames()}, without fitting:
     * for instance at published parameters, to set beside {@link FitResult#objective()}.
     *
     * @return the objective, or {@code +Infinity} where the law predicts a non-positive or
     *     non-finite loss at some logged point
     * @throws FitException if there is nothing to evaluate or a point sits where the law is undefined
     */
    public double objectiveAt(double... values) {
        form.checkCount(values);
        return PreparedCurves.of(form, curves, huberDelta).problem.objective(values, null);
    }

    /**
     * Runs the fit.
     *
     * @throws FitException if there is nothing to fit, a logged point sits where the law is undefined
     *     (forward area 0, or step 0 for the power law), or the optimiser does not converge
     */
    public FitResult run() {
        long began = System.nanoTime();
        PreparedCurves prepared = PreparedCurves.of(form, curves, huberDelta, fixed, ridgeCentres, ridgeWeight);
        HuberLeastSquares problem = prepared.problem;
        HuberLeastSquares.Solution solution;
        double[] referenceFrom = null;
        if (reference) {
            referenceFrom = prepared.free(start != null ? start
                    : ((MultiPowerLawForm) form).referenceStart(prepared.models, prepared.losses, huberDelta));
            solution = ReferenceAdamW.minimise(problem, referenceFrom, null, listener);
        } else if (start != null) {
            solution = problem.minimise(prepared.free(start), null, maxIterations, listener);
        } else {
            listener.onProgress(new FitProgress("start", 0, 1, Double.NaN));
            double[] from = prepared.free(form.start(prepared.models, prepared.losses, huberDelta));
            listener.onProgress(new FitProgress("start", 1, 1, problem.objective(from, null)));
            List<double[]> fallbacks = form.fallbackStarts(prepared.models, prepared.losses, huberDelta, prepared.full(from)).stream().map(prepared::free).toList();
            solution = fromStartOrFallbacks(prepared, from, fallbacks);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return new FitResult(prepared, curves, solution, maxIterations, seconds, listener, referenceFrom);
    }

    /**
     * Optimises from the grid-search start; if that fails, from each of the form's fallback starts,
     * keeping the best that converges. Throws the first start's failure if none converges. A form
     * that {@link LawForm#retriesWhenNotIdentified() retries} also tries the fallbacks when the first
     * optimum has unidentified parameters (a valley the start led into), keeping the lowest objective.
     */
    private HuberLeastSquares.Solution fromStartOrFallbacks(PreparedCurves prepared, double[] from,
            List<double[]> fallbacks) {
        HuberLeastSquares problem = prepared.problem;
        HuberLeastSquares.Solution firstSolution;
        try {
            firstSolution = problem.minimise(from, null, maxIterations, listener);
        } catch (FitException first) {
            HuberLeastSquares.Solution best = null;
            for (double[] fallback : fallbacks) {
                try {
                    HuberLeastSquares.Solution solution = problem.minimise(fallback, null, maxIterations, listener);
                    if (best == null || solution.objective() < best.objective()) {
                        best = solution;
                    }
                } catch (FitException ignored) {
                    // this start fails too; the first failure is what gets reported if all do
                }
            }
            if (best == null) {
                throw first;
            }
            return best;
        }
        if (!form.retriesWhenNotIdentified() || Identifiability.check(prepared, firstSolution).isEmpty()) {
            return firstSolution;
        }
        HuberLeastSquares.Solution best = firstSolution;
        for (double[] fallback : fallbacks) {
            try {
                HuberLeastSquares.Solution solution = problem.minimise(fallback, null, maxIterations, listener);
                if (solution.objective() < best.objective()) {
                    best = solution;
                }
            } catch (FitException ignored) {
                // this start fails; the first start's optimum stands
            }
        }
        return best;
    }
}
