package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.DoubleAccumulator;
import org.junit.jupiter.api.Test;

/**
 * The optimiser never evaluates a law outside its parameter domain, and a fit that the data pull
 * past an exponent's bound stop at the bound, which the solution names (a warning, not an optimum).
 */
class HuberLeastSquaresTest {

    private static final double[] X = {0.5, 1, 1.5, 2, 2.5, 3, 4, 5};

    /** Losses {@code 1 + exp(-k x)}, with the exponent k in (0, 2]. */
    private static HuberLeastSquares problem(double trueK, DoubleAccumulator largestK) {
        double[] losses = new double[X.length];
        for (int i = 0; i < X.length; i++) {
            losses[i] = 1 + Math.exp(-trueK * X[i]);
        }
        HuberLeastSquares.Predictor predictor = (params, out, jacobian) -> {
            largestK.accumulate(params[0]);
            for (int i = 0; i < X.length; i++) {
                out[i] = 1 + Math.exp(-params[0] * X[i]);
                if (jacobian != null) {
                    jacobian[i][0] = -X[i] * Math.exp(-params[0] * X[i]);
                }
            }
        };
        return new HuberLeastSquares("test", List.of(Parameter.exponent("k", 2)), predictor, losses, 1e-3);
    }

    @Test
    void anOptimumInsideTheDomainIsFound() {
        DoubleAccumulator largest = new DoubleAccumulator(Math::max, 0);
        HuberLeastSquares.Solution solution = problem(1.5, largest).minimise(new double[] {0.5}, null, 1000,
                FitListener.NONE);
        assertEquals(1.5, solution.params()[0], 1e-6);
    }

    @Test
    void dataPullingAnExponentPastItsBoundStopAtTheBoundWithoutEvaluatingOutsideTheDomain() {
        DoubleAccumulator largest = new DoubleAccumulator(Math::max, 0);
        HuberLeastSquares.Solution solution = problem(8, largest).minimise(new double[] {0.5}, null, 1000,
                FitListener.NONE);
        assertEquals(List.of("k"), solution.atBound());
        assertTrue(solution.params()[0] <= 2, "k = " + solution.params()[0]);
        assertTrue(largest.get() <= 2, "the law was evaluated at k = " + largest.get());
    }
}
