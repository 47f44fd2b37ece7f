package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The refined schedule of Defazio et al. (arXiv 2310.07831). */
class RefinedTest {

    @Test
    void constantGradientNormsGiveExactlyLinearDecayToZeroAtTheLastStep() {
        for (int n : new int[] {2, 3, 10, 1000}) {
            double[] g = new double[n];
            Arrays.fill(g, 0.37);
            for (int window : new int[] {1, 5}) {
                Refined refined = new Refined(1e-3, 0, window, g);
                assertEquals(n, refined.totalSteps());
                assertEquals(0, refined.lr(n - 1));
                assertEquals(1e-3, refined.lr(0), 1e-18);
                Schedule linear = Schedules.d2z(1e-3, 0, Math.max(1, n - 1));
                for (int t = 0; t < n - 1; t++) {
                    assertEquals(linear.lr(t), refined.lr(t), 1e-14 * 1e-3, "n=" + n + " t=" + t);
                }
            }
        }
    }

    @Test
    void weightsFollowTheFormulaBeforeScaling() {
        SplittableRandom random = new SplittableRandom(3);
        double[] g = random.doubles(50, 0.5, 2).toArray();
        double all = Arrays.stream(g).map(x -> 1 / (x * x)).sum();
        double[] direct = new double[g.length];
        for (int t = 0; t < g.length; t++) {
            double after = 0;
            for (int p = t + 1; p < g.length; p++) {
                after += 1 / (g[p] * g[p]);
            }
            direct[t] = 1 / (g[t] * g[t]) * after / all;
        }
        double max = Arrays.stream(direct).max().orElseThrow();
        double[] w = Refined.weights(g, 1);
        for (int t = 0; t < g.length; t++) {
            assertEquals(direct[t] / max, w[t], 1e-14);
        }
        assertEquals(1, Arrays.stream(w).max().orElseThrow());
        assertEquals(0, w[g.length - 1]);
        double[] rates = new Refined(2e-3, 0, 1, g).toArray();
        for (int t = 0; t < g.length; t++) {
            assertEquals(2e-3 * w[t], rates[t], 1e-18);
        }
    }

    @Test
    void theScheduleDoesNotDependOnTheScaleOfTheNorms() {
        double[] g = {3, 1, 4, 1, 5, 9, 2, 6};
        double[] scaled = Arrays.stream(g).map(x -> 10 * x).toArray();
        assertArrayEquals(Refined.weights(g, 3), Refined.weights(scaled, 3), 1e-15);
    }

    @Test
    void theMedianFilterRemovesIsolatedSpikes() {
        assertArrayEquals(new double[] {3, 3, 2, 3, 3}, Refined.medianFilter(new double[] {5, 1, 3, 2, 4}, 3));
        assertArrayEquals(new double[] {5, 1, 3, 2, 4}, Refined.medianFilter(new double[] {5, 1, 3, 2, 4}, 1));
        double[] flat = new double[40];
        Arrays.fill(flat, 1);
        double[] spiky = flat.clone();
        spiky[17] = 100;
        spiky[30] = 0.01;
        assertArrayEquals(new Refined(1e-3, 0, 3, flat).toArray(), new Refined(1e-3, 0, 3, spiky).toArray());
        assertNotEquals(new Refined(1e-3, 0, 1, flat).lr(17), new Refined(1e-3, 0, 1, spiky).lr(17));
        assertArrayEquals(new double[] {3, 3, 2, 3, 3}, new Refined(1e-3, 0, 3, new double[] {5, 1, 3, 2, 4}).filteredNorms());
        assertArrayEquals(flat, new Refined(1e-3, 0, 3, spiky).filteredNorms());
    }

    @Test
    void warmupRisesToTheRefinedRateAtTheEndOfTheWarmup() {
        double[] g = new double[101];
        Arrays.fill(g, 1);
        Refined refined = new Refined(1e-3, 10, 1, g);
        double atWarmup = 1e-3 * 90 / 100;
        assertEquals(atWarmup, refined.lr(10), 1e-17);
        assertEquals(0, refined.lr(0));
        assertEquals(atWarmup * 5 / 10, refined.lr(5), 1e-17);
    }

    @Test
    void isAnImmutableValue() {
        double[] g = {1, 2, 3};
        Refined refined = Schedules.refined(g, 1e-3, 1);
        g[0] = 7;
        refined.gradientNorms()[1] = 7;
        assertArrayEquals(new double[] {1, 2, 3}, refined.gradientNorms());
        assertEquals(Schedules.refined(new double[] {1, 2, 3}, 1e-3, 1), refined);
        assertEquals("refined(peak=1e-3, warmup=0, median=1, norms=[1, 2, 3])", refined.spec());
        refined.toArray()[0] = 5;
        assertNotEquals(5, refined.lr(0));
    }
}
