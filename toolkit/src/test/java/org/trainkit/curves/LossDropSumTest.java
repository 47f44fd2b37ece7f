package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The linear-time drop sum against the pair-by-pair formula: values to 1e-10 of {@code sum |d_k|},
 * derivatives to 1e-8 of the size of their terms, over random schedules (warmups, cosine, linear,
 * geometric, jumps, zero tails) and parameters.
 */
class LossDropSumTest {

    @Test
    void fastSumMatchesThePairByPairSumOverRandomSchedulesAndParameters() {
        SplittableRandom random = new SplittableRandom(20250311);
        double worst = 0;
        double worstDerivative = 0;
        for (int trial = 0; trial < 60; trial++) {
            int total = random.nextInt(200, 4000);
            double[] lr = RandomSchedules.next(random, total);
            double[] s1 = CurveModel.forwardArea(lr);
            int[] queries = IntStream.iterate(random.nextInt(1, 20), q -> q < total, q -> q + random.nextInt(1, 90))
                    .toArray();
            double c = Math.exp(random.nextDouble(Math.log(0.05), Math.log(50)));
            double beta = Math.exp(random.nextDouble(Math.log(0.05), Math.log(4)));
            double gamma = random.nextDouble(0.05, 1.5);
            double[][] exact = ExactLossDrop.evaluate(lr, s1, queries, c, beta, gamma);
            LossDropSum fast = new LossDropSum(lr, s1, queries);
            double[] h = new double[queries.length];
            double[] dc = new double[queries.length];
            double[] dbeta = new double[queries.length];
            double[] dgamma = new double[queries.length];
            fast.valuesAndDerivatives(c, beta, gamma, h, dc, dbeta, dgamma);
            double[] valuesOnly = fast.values(c, beta, gamma);
            double scale = 0;
            for (int k = 1; k < total; k++) {
                scale += Math.abs(lr[k - 1] - lr[k]);
            }
            for (int q = 0; q < queries.length; q++) {
                double error = Math.abs(h[q] - exact[0][q]) / scale;
                worst = Math.max(worst, error);
                assertEquals(h[q], valuesOnly[q], 1e-15 * scale);
                assertTrue(error < 1e-10, () -> "H off by " + error + " of sum|d|");
                double[] derivatives = {dc[q], dbeta[q], dgamma[q]};
                for (int p = 0; p < 3; p++) {
                    double e = Math.abs(derivatives[p] - exact[p + 1][q]) / (exact[p + 5][q] + 1e-300);
                    worstDerivative = Math.max(worstDerivative, e);
                }
            }
        }
        System.out.printf("fast vs exact: worst |dH| / sum|d| = %.2e, derivatives %.2e%n", worst, worstDerivative);
        assertTrue(worstDerivative < 1e-8, "derivatives off by " + worstDerivative);
    }

    /**
     * A long smooth schedule logged sparsely, where most node passes use the blocks' moments instead
     * of one exponential per drop: still within 1e-10 of {@code sum |d_k|} of the pair-by-pair sum.
     */
    @Test
    void blockMomentsOnALongCosineLoggedEvery200StepsMatchThePairByPairSum() {
        int total = 30_000;
        double[] lr = new double[total];
        for (int t = 0; t < total; t++) {
            lr[t] = t < 2000 ? 3e-4 * t / 1999 : 3e-5 + 2.7e-4 * (1 + Math.cos(Math.PI * (t - 2000) / (total - 2000.0))) / 2;
        }
        double[] s1 = CurveModel.forwardArea(lr);
        int[] queries = IntStream.iterate(2000, q -> q < total, q -> q + 200).toArray();
        double scale = 0;
        for (int k = 1; k < total; k++) {
            scale += Math.abs(lr[k - 1] - lr[k]);
        }
        LossDropSum fast = new LossDropSum(lr, s1, queries);
        for (double[] p : new double[][] {{2.13, 0.598, 0.655}, {0.15, 0.1, 5.2}, {40, 2.5, 0.3}}) {
            double[][] exact = ExactLossDrop.evaluate(lr, s1, queries, p[0], p[1], p[2]);
            double[] h = fast.values(p[0], p[1], p[2]);
            for (int q = 0; q < queries.length; q++) {
                double error = Math.abs(h[q] - exact[0][q]) / scale;
                assertTrue(error < 1e-10, "C " + p[0] + ", beta " + p[1] + ", gamma " + p[2] + ": H off by " + error
                        + " of sum|d| at step " + queries[q]);
            }
        }
    }
}
