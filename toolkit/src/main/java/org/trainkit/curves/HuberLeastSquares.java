package org.trainkit.curves;

import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.LocalizedOptimFormats;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Minimises the summed Huber loss of the log-loss residuals {@code r = log L - log L^} of a law over
 * all points of a fit (several curves jointly, or the runs of a scaling-law fit), with Hipparchus'
 * Levenberg-Marquardt on the transformed residuals
 * {@code sign(r) sqrt(2 Huber(r))} (which minimises exactly the summed Huber) and the law's analytic
 * Jacobian. Positive parameters are optimised in log space, lambda through the logistic function.
 * Optional per-point weights (bootstrap multiplicities) multiply each point's Huber term.
 */
final class HuberLeastSquares {

    /** The transformed residual given to a point whose prediction is not a positive finite number. */
    private static final double PENALTY = 1e3;
    /**
     * Convergence: the optimiser stops when the objective fell by at most this fraction of itself
     * over the last {@link #STALL_ITERATIONS} iterations (besides Hipparchus' own tests at machine
     * precision). Without it, Levenberg-Marquardt crawls for dozens of iterations along a flat
     * valley of a poorly identified law, which moves the parameters that are not identified but
     * not the fitted curve: on two 50,000-step curves the last 60 iterations lowered the objective
     * by 3e-4 of itself. 1e-5 over five iterations is far below what the noise of a loss curve can
     * tell apart (a change of the summed Huber objective by 1e-5 of itself).
     */
    static final double STALL_TOLERANCE = 1e-5;
    /** See {@link #STALL_TOLERANCE}. */
    static final int STALL_ITERATIONS = 5;
    /** See {@link #goneBeyondReturn}: five decades past {@link Parameter#RUNAWAY_DECADES}. */
    static final double GONE_DECADES = Parameter.RUNAWAY_DECADES + 5;

    /** The law's predictions at every point of the fit, and optionally their Jacobian. */
    interface Predictor {
        /**
         * Writes the prediction at point {@code i} into {@code out[i]} and, when {@code jacobian} is
         * not null, {@code d out[i] / d params[p]} into {@code jacobian[i][p]}.
         */
        void predict(double[] params, double[] out, double[][] jacobian);
    }

    private final String name;
    private final List<Parameter> parameters;
    private final Predictor predictor;
    private final double[] logLosses;
    private final double delta;
    /** Ridge penalty: weight per free parameter (0 for none) and centre, both in optimiser coordinates. */
    private final double[] penaltyWeight;
    private final double[] penaltyCentre;

    HuberLeastSquares(String name, List<Parameter> parameters, Predictor predictor, double[] losses, double delta) {
        this(name, parameters, predictor, losses, delta, new double[parameters.size()], new double[parameters.size()]);
    }

    /**
     * A problem whose objective adds {@code sum_p weight[p] (theta_p - theta(centre[p]))^2}, a ridge
     * penalty in the optimiser's coordinates (log space for a positive parameter) towards
     * {@code centre}; {@code weight[p] = 0} leaves parameter {@code p} free of it.
     */
    HuberLeastSquares(String name, List<Parameter> parameters, Predictor predictor, double[] losses, double delta,
            double[] weight, double[] centre) {
        this.penaltyWeight = weight.clone();
        this.penaltyCentre = new double[parameters.size()];
        for (int p = 0; p < parameters.size(); p++) {
            penaltyCentre[p] = weight[p] > 0 ? parameters.get(p).domain().theta(centre[p]) : 0;
        }
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.predictor = predictor;
        this.logLosses = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            logLosses[i] = Math.log(losses[i]);
        }
        this.delta = delta;
    }

    /**
     * A minimum: the parameters, the summed Huber objective, the work done, and the names of the
     * parameters that ended at their upper bound (where the data pull them past what the law models;
     * reported as a warning by {@link FitResult#warnings()} rather than as a failure).
     */
    record Solution(double[] params, double objective, int iterations, int evaluations, List<String> atBound) {
    }

    /** The summed (weighted) Huber objective at {@code params}, or {@code +Infinity} if any prediction is invalid. */
    double objective(double[] params, double[] weights) {
        double[] predicted = new double[logLosses.length];
        predictor.predict(params, predicted, null);
        double total = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (!(predicted[i] > 0) || !Double.isFinite(predicted[i])) {
                return Double.POSITIVE_INFINITY;
            }
            total += weight(weights, i) * Huber.loss(logLosses[i] - Math.log(predicted[i]), delta);
        }
        return total + penalty(params);
    }

    /**
     * The summed (weighted) Huber objective at {@code params} (natural coordinates, with the ridge
     * penalty) and its gradient with respect to each natural parameter, written into
     * {@code gradient}; {@code +Infinity} (gradient untouched) if any prediction is invalid.
     *
     * @param weights per-point weights, or null for all 1
     */
    double objectiveAndGradient(double[] params, double[] weights, double[] gradient) {
        int n = parameters.size();
        double[] predicted = new double[logLosses.length];
        double[][] jacobian = new double[logLosses.length][n];
        predictor.predict(params, predicted, jacobian);
        double total = 0;
        double[] sum = new double[n];
        for (int i = 0; i < predicted.length; i++) {
            if (!(predicted[i] > 0) || !Double.isFinite(predicted[i])) {
                return Double.POSITIVE_INFINITY;
            }
            double r = logLosses[i] - Math.log(predicted[i]);
            double w = weight(weights, i);
            total += w * Huber.loss(r, delta);
            double factor = -w * Huber.derivative(r, delta) / predicted[i];
            for (int p = 0; p < n; p++) {
                sum[p] += factor * jacobian[i][p];
            }
        }
        for (int p = 0; p < n; p++) {
            if (penaltyWeight[p] > 0) {
                Parameter.Domain domain = parameters.get(p).domain();
                double d = domain.theta(params[p]) - penaltyCentre[p];
                total += penaltyWeight[p] * d * d;
                sum[p] += 2 * penaltyWeight[p] * d / domain.slope(params[p]);
            }
        }
        System.arraycopy(sum, 0, gradient, 0, n);
        return total;
    }

    /** The ridge penalty at {@code params} (0 without one). */
    double penalty(double[] params) {
        double total = 0;
        for (int p = 0; p < params.length; p++) {
            if (penaltyWeight[p] > 0) {
                double d = parameters.get(p).domain().theta(params[p]) - penaltyCentre[p];
                total += penaltyWeight[p] * d * d;
            }
        }
        return total;
    }

    private int penaltyRows() {
        int rows = 0;
        for (double w : penaltyWeight) {
            rows += w > 0 ? 1 : 0;
        }
        return rows;
    }

    /**
     * Runs Levenberg-Marquardt from {@code start}.
     *
     * @param weights per-point weights, or null for all 1
     * @throws FitException if the start or the end is not finite, a parameter ends outside its domain
     *     (an exponent at its upper bound is not outside: it is named in {@link Solution#atBound()}),
     *     or the iterations run out
     */
    Solution minimise(double[] start, double[] weights, int maxIterations, FitListener listener) {
        int n = parameters.size();
        double startObjective = objective(start, weights);
        if (!Double.isFinite(startObjective)) {
            throw new FitException(FitException.Reason.NON_FINITE_OBJECTIVE, name
                    + " fit: the objective is not finite at the starting point " + describe(start)
                    + " (a predicted loss is not a positive number)");
        }
        double[] theta = new double[n];
        for (int p = 0; p < n; p++) {
            theta[p] = parameters.get(p).domain().theta(start[p]);
        }
        Best best = new Best(theta, startObjective);
        double[] history = new double[STALL_ITERATIONS + 1];
        ConvergenceChecker<LeastSquaresProblem.Evaluation> progress = (iteration, previous, current) -> {
            double cost = 0.5 * current.getCost() * current.getCost();
            listener.onProgress(new FitProgress("optimise", iteration, maxIterations, cost));
            history[iteration % history.length] = cost;
            if (goneBeyondReturn(natural(current.getPoint().toArray()))) {
                return true;   // the end-of-fit check below reports the parameter that ran off
            }
            if (iteration <= STALL_ITERATIONS) {
                return false;
            }
            double before = history[(iteration - STALL_ITERATIONS) % history.length];
            return before - cost <= STALL_TOLERANCE * cost;
        };
        LeastSquaresProblem problem = new LeastSquaresBuilder()
                .model(point -> residuals(point, weights, best))
                .target(new double[logLosses.length + penaltyRows()])
                .start(theta)
                .maxIterations(maxIterations)
                .maxEvaluations(Integer.MAX_VALUE)
                .checker(progress)
                .lazyEvaluation(false)
                .build();
        double[] end;
        int iterations;
        int evaluations;
        try {
            LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(problem);
            end = optimum.getPoint().toArray();
            iterations = optimum.getIterations();
            evaluations = optimum.getEvaluations();
        } catch (MathIllegalStateException e) {
            if (e.getSpecifier() == LocalizedCoreFormats.MAX_COUNT_EXCEEDED) {
                throw new FitException(FitException.Reason.ITERATIONS_EXHAUSTED, name + " fit: "
                        + maxIterations + " iterations exhausted before convergence (objective "
                        + best.objective + " at " + describe(natural(best.theta)) + ")");
            }
            if (e.getSpecifier() == LocalizedOptimFormats.TOO_SMALL_COST_RELATIVE_TOLERANCE
                    || e.getSpecifier() == LocalizedOptimFormats.TOO_SMALL_PARAMETERS_RELATIVE_TOLERANCE
                    || e.getSpecifier() == LocalizedOptimFormats.TOO_SMALL_ORTHOGONALITY_TOLERANCE) {
                // The optimiser can make no further progress at machine precision: the best point it
                // evaluated is the minimum.
                end = best.theta;
                iterations = best.evaluations;
                evaluations = best.evaluations;
            } else {
                throw e;
            }
        }
        double[] params = natural(end);
        List<String> atBound = new java.util.ArrayList<>();
        for (int p = 0; p < n; p++) {
            Parameter parameter = parameters.get(p);
            if (!parameter.contains(params[p])) {
                throw new FitException(FitException.Reason.OUT_OF_DOMAIN, name + " fit: parameter "
                        + parameter.name() + " = " + params[p] + " left its domain (" + parameter.describe()
                        + ") at " + describe(params));
            }
            if (parameter.atUpperBound(params[p])) {
                atBound.add(parameter.name());
            }
            if (parameter.ranAway(params[p])) {
                throw new FitException(FitException.Reason.OUT_OF_DOMAIN, name + " fit: parameter "
                        + parameter.name() + " = " + params[p] + " ran off towards " + (params[p] > 1 ? "infinity" : "0")
                        + " (beyond 1e+-" + (int) Parameter.RUNAWAY_DECADES + "), where the law degenerates and the data"
                        + " do not determine it, at " + describe(params));
            }
        }
        double objective = objective(params, weights);
        if (!Double.isFinite(objective)) {
            throw new FitException(FitException.Reason.NON_FINITE_OBJECTIVE, name
                    + " fit: the objective is not finite at the optimum " + describe(params)
                    + " (a predicted loss is not a positive number)");
        }
        return new Solution(params, objective, iterations, evaluations, List.copyOf(atBound));
    }

    /**
     * The Jacobian of the predicted log-losses in the optimiser's coordinates {@code theta} (log of a
     * positive parameter, logit of one in (0, 1)) at {@code params}, one row per point; rows where the
     * prediction is not a positive finite number are zero.
     */
    double[][] logJacobian(double[] params) {
        int n = parameters.size();
        double[] predicted = new double[logLosses.length];
        double[][] jacobian = new double[logLosses.length][n];
        predictor.predict(params, predicted, jacobian);
        for (int i = 0; i < predicted.length; i++) {
            boolean valid = predicted[i] > 0 && Double.isFinite(predicted[i]);
            for (int p = 0; p < n; p++) {
                double value = valid ? jacobian[i][p] * parameters.get(p).domain().slope(params[p]) / predicted[i] : 0;
                jacobian[i][p] = Double.isFinite(value) ? value : 0;
            }
        }
        return jacobian;
    }

    /** The log-loss residuals {@code log L - log L^} at {@code params} (NaN where the prediction is invalid). */
    double[] logResiduals(double[] params) {
        double[] predicted = new double[logLosses.length];
        predictor.predict(params, predicted, null);
        double[] residuals = new double[predicted.length];
        for (int i = 0; i < predicted.length; i++) {
            residuals[i] = predicted[i] > 0 && Double.isFinite(predicted[i]) ? logLosses[i] - Math.log(predicted[i])
                    : Double.NaN;
        }
        return residuals;
    }

    /** The Huber threshold. */
    double delta() {
        return delta;
    }

    /** The free parameters, in order. */
    List<Parameter> parameters() {
        return parameters;
    }

    /** The lowest objective seen, for an optimiser that stops at machine precision. */
    private static final class Best {
        double[] theta;
        double objective;
        int evaluations;

        Best(double[] theta, double objective) {
            this.theta = theta.clone();
            this.objective = objective;
        }
    }

    /**
     * Whether a positive parameter of the current iterate lies {@link #GONE_DECADES} decades from 1,
     * far past where a fit counts as having run off ({@link Parameter#RUNAWAY_DECADES}): the
     * optimiser is then stopped instead of following it further along a valley where the data do
     * not determine it (on two smooth 50,000-step curves C went on to 5e-22 while twelve fallback
     * starts each took seconds to get there).
     */
    private boolean goneBeyondReturn(double[] params) {
        for (int p = 0; p < params.length; p++) {
            if (parameters.get(p).domain() == Parameter.Domain.POSITIVE && Math.abs(Math.log10(params[p])) > GONE_DECADES) {
                return true;
            }
        }
        return false;
    }

    private boolean inDomain(double[] params) {
        for (int p = 0; p < params.length; p++) {
            if (!parameters.get(p).contains(params[p])) {
                return false;
            }
        }
        return true;
    }

    private double[] natural(double[] theta) {
        double[] params = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            params[p] = parameters.get(p).domain().value(theta[p]);
        }
        return params;
    }

    private Pair<RealVector, RealMatrix> residuals(RealVector point, double[] weights, Best best) {
        int n = parameters.size();
        double[] theta = point.toArray();
        double[] params = natural(theta);
        double[] slopes = new double[n];
        for (int p = 0; p < n; p++) {
            slopes[p] = parameters.get(p).domain().slope(params[p]);
        }
        int points = logLosses.length;
        if (!inDomain(params)) {
            // A trial step out of the domain is not evaluated: past an exponent's bound the law has
            // degenerated, and it can be very slow to evaluate there (the multi-power loss-drop sum
            // needs more nodes as beta grows; a trial step to beta = 1e10 would take 4e8 of them).
            // The penalty makes the optimiser reject the step and try a shorter one.
            double[] value = new double[points + penaltyRows()];
            for (int i = 0; i < points; i++) {
                value[i] = Math.sqrt(weight(weights, i)) * PENALTY;
            }
            best.evaluations++;
            return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(value.length, n));
        }
        double[] predicted = new double[points];
        double[][] jacobian = new double[points][n];
        predictor.predict(params, predicted, jacobian);
        double[] value = new double[points];
        double cost = 0;
        boolean valid = true;
        for (int i = 0; i < points; i++) {
            double root = Math.sqrt(weight(weights, i));
            double[] j = jacobian[i];
            boolean finite = predicted[i] > 0 && Double.isFinite(predicted[i]);
            for (int p = 0; p < n && finite; p++) {
                finite = Double.isFinite(j[p]);
            }
            if (!finite) {
                valid = false;
                value[i] = root * PENALTY;
                Arrays.fill(j, 0);
                continue;
            }
            double r = logLosses[i] - Math.log(predicted[i]);
            value[i] = root * Huber.transformed(r, delta);
            double factor = -root * Huber.slope(r, delta) / predicted[i];
            for (int p = 0; p < n; p++) {
                j[p] *= factor * slopes[p];
            }
            cost += 0.5 * value[i] * value[i];
        }
        int extra = penaltyRows();
        if (extra > 0) {
            value = Arrays.copyOf(value, points + extra);
            jacobian = Arrays.copyOf(jacobian, points + extra);
            int row = points;
            for (int p = 0; p < n; p++) {
                if (penaltyWeight[p] > 0) {
                    double root = Math.sqrt(2 * penaltyWeight[p]);
                    value[row] = root * (theta[p] - penaltyCentre[p]);
                    jacobian[row] = new double[n];
                    jacobian[row][p] = root;
                    cost += 0.5 * value[row] * value[row];
                    row++;
                }
            }
        }
        best.evaluations++;
        if (valid && cost < best.objective) {
            best.theta = theta;
            best.objective = cost;
        }
        return new Pair<>(new ArrayRealVector(value, false), new Array2DRowRealMatrix(jacobian, false));
    }

    private static double weight(double[] weights, int row) {
        return weights == null ? 1 : weights[row];
    }

    private String describe(double[] params) {
        StringBuilder text = new StringBuilder("{");
        for (int p = 0; p < params.length; p++) {
            text.append(p == 0 ? "" : ", ").append(parameters.get(p).name()).append('=').append((float) params[p]);
        }
        return text.append('}').toString();
    }
}
