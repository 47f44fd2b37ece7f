package org.trainkit.curves;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;

/**
 * Checks which parameters of a fit the curves determine, from the local (Gauss-Newton) covariance
 * {@code s^2 (J^T J)^-1} of the optimiser's coordinates (log of a positive parameter), with
 * {@code J} the Jacobian of the predicted log-losses and {@code s^2} the residual variance. A
 * standard error of 1 in log space is a factor e either way: such a parameter is reported as not
 * identified. Neighbouring points of a loss curve are correlated, so these standard errors are if
 * anything too small; a parameter flagged here is certainly poorly determined. Parameters at their
 * upper bound, and pairs with a correlation beyond 0.999 in magnitude, are reported too.
 */
final class Identifiability {

    /** Standard error in log space above which a positive parameter is reported. */
    static final double MAX_LOG_SE = 1;
    /** Correlation magnitude above which a pair is reported. */
    static final double MAX_CORRELATION = 0.999;

    private Identifiability() {
    }

    static List<FitWarning> check(PreparedCurves prepared, HuberLeastSquares.Solution solution) {
        HuberLeastSquares problem = prepared.problem;
        List<Parameter> free = problem.parameters();
        double[] params = solution.params();
        List<FitWarning> warnings = new ArrayList<>();
        for (String name : solution.atBound()) {
            int p = indexOf(free, name);
            warnings.add(new FitWarning(List.of(name), String.format(Locale.ROOT,
                    "%s = %.4g is at its upper bound %.4g: the curves pull it beyond where the law is defined, so its"
                            + " value means nothing", name, params[p], free.get(p).upper())));
        }
        double[][] jacobian = problem.logJacobian(params);
        double[] residuals = problem.logResiduals(params);
        int n = free.size();
        int points = residuals.length;
        if (points <= n) {
            warnings.add(new FitWarning(free.stream().map(Parameter::name).toList(), points + " logged points for "
                    + n + " free parameters: none of them is identified"));
            return List.copyOf(warnings);
        }
        double sum = 0;
        for (double r : residuals) {
            sum += Double.isFinite(r) ? r * r : 0;
        }
        double variance = Math.max(sum / (points - n), 1e-300);
        RealMatrix j = new Array2DRowRealMatrix(jacobian, false);
        SingularValueDecomposition svd = new SingularValueDecomposition(j);
        double[] s = svd.getSingularValues();
        RealMatrix v = svd.getV();
        double[][] covariance = new double[n][n];
        boolean[] unbounded = new boolean[n];
        double tolerance = s.length == 0 ? 0 : s[0] * 1e-12;
        for (int k = 0; k < s.length; k++) {
            for (int a = 0; a < n; a++) {
                if (s[k] <= tolerance) {
                    unbounded[a] |= Math.abs(v.getEntry(a, k)) > 1e-6;
                    continue;
                }
                for (int b = 0; b < n; b++) {
                    covariance[a][b] += variance * v.getEntry(a, k) * v.getEntry(b, k) / (s[k] * s[k]);
                }
            }
        }
        for (int a = 0; a < n; a++) {
            Parameter parameter = free.get(a);
            if (solution.atBound().contains(parameter.name())) {
                continue;
            }
            double se = Math.sqrt(covariance[a][a]);
            boolean logScale = parameter.domain() != Parameter.Domain.REAL;
            double relative = logScale ? se : se / Math.max(Math.abs(params[a]), 1e-300);
            if (unbounded[a] || relative > MAX_LOG_SE) {
                warnings.add(new FitWarning(List.of(parameter.name()), String.format(Locale.ROOT,
                        "%s = %.4g is not identified by these curves (%s)", parameter.name(), params[a],
                        unbounded[a] ? "the objective is flat along it"
                                : logScale ? logError(parameter.name(), relative)
                                        : String.format(Locale.ROOT, "approximate standard error %.3g", se))));
            }
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double denominator = Math.sqrt(covariance[a][a] * covariance[b][b]);
                if (unbounded[a] || unbounded[b] || !(denominator > 0)) {
                    continue;
                }
                double rho = covariance[a][b] / denominator;
                if (Math.abs(rho) > MAX_CORRELATION) {
                    String first = free.get(a).name();
                    String second = free.get(b).name();
                    warnings.add(new FitWarning(List.of(first, second), String.format(Locale.ROOT,
                            "%s and %s are confounded (correlation %.4f): the curves determine a combination of them,"
                                    + " not each", first, second, rho)));
                }
            }
        }
        return List.copyOf(warnings);
    }

    /** The standard error of a log-scale parameter in words. */
    private static String logError(String name, double se) {
        return se > 20 ? "approximate standard error of ln " + name + " above 20: any value fits"
                : String.format(Locale.ROOT, "approximate standard error: a factor %.3g either way", Math.exp(se));
    }

    private static int indexOf(List<Parameter> parameters, String name) {
        for (int p = 0; p < parameters.size(); p++) {
            if (parameters.get(p).name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException(name);
    }
}
