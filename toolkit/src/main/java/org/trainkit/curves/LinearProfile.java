package org.trainkit.curves;

import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Starting points for laws that are linear in all parameters but one exponent: on a grid of the
 * exponent, solve the linear coefficients by least squares on relative errors (close to the
 * log-loss residuals the fit uses), score each by the summed Huber objective, keep the best.
 */
final class LinearProfile {

    /** The basis columns of a law at one exponent: {@code columns[m][i]} for point {@code i}. */
    interface Basis {
        double[][] columns(int curve, CurveModel model, double exponent);
    }

    /** The best exponent, its coefficients and its objective. */
    record Best(double exponent, double[] coefficients, double objective) {
    }

    /** Exponents 0.02 .. 2.0, evenly spaced in log. */
    static double[] exponentGrid() {
        double[] grid = new double[48];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = 0.02 * Math.pow(100, i / (grid.length - 1.0));
        }
        return grid;
    }

    private LinearProfile() {
    }

    /**
     * @param positive which coefficients must come out positive for the exponent to count
     * @return the best exponent, or null if no exponent gives valid coefficients
     */
    static Best best(List<CurveModel> models, List<double[]> losses, double[] exponents, Basis basis,
            boolean[] positive, double delta) {
        Best best = null;
        for (double exponent : exponents) {
            Best candidate = solve(models, losses, exponent, basis, delta);
            if (candidate == null) {
                continue;
            }
            boolean valid = true;
            for (int m = 0; m < positive.length; m++) {
                valid &= !positive[m] || candidate.coefficients[m] > 0;
            }
            if (valid && (best == null || candidate.objective < best.objective)) {
                best = candidate;
            }
        }
        return best;
    }

    /** The coefficients at one exponent, or null if the system is singular or the fit not finite. */
    static Best solve(List<CurveModel> models, List<double[]> losses, double exponent, Basis basis, double delta) {
        int points = 0;
        for (CurveModel model : models) {
            points += model.size();
        }
        double[][] design = null;
        double[] target = new double[points];
        int row = 0;
        for (int c = 0; c < models.size(); c++) {
            double[][] columns = basis.columns(c, models.get(c), exponent);
            if (design == null) {
                design = new double[points][columns.length];
            }
            double[] loss = losses.get(c);
            for (int i = 0; i < loss.length; i++, row++) {
                for (int m = 0; m < columns.length; m++) {
                    design[row][m] = columns[m][i] / loss[i];
                }
                target[row] = 1;
            }
        }
        double[] coefficients;
        try {
            RealVector solution = new QRDecomposition(new Array2DRowRealMatrix(design, false), 1e-12)
                    .getSolver().solve(new ArrayRealVector(target, false));
            coefficients = solution.toArray();
        } catch (RuntimeException singular) {
            return null;
        }
        double objective = 0;
        row = 0;
        for (int c = 0; c < models.size(); c++) {
            double[] loss = losses.get(c);
            for (int i = 0; i < loss.length; i++, row++) {
                double predicted = 0;
                for (int m = 0; m < coefficients.length; m++) {
                    predicted += coefficients[m] * design[row][m] * loss[i];
                }
                if (!(predicted > 0) || !Double.isFinite(predicted)) {
                    return null;
                }
                objective += Huber.loss(Math.log(loss[i]) - Math.log(predicted), delta);
            }
        }
        return new Best(exponent, coefficients, objective);
    }
}
