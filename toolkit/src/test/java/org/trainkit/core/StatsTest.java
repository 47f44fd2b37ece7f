package org.trainkit.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void meanSdAndQuantilesAsRAndNumpyGiveThem() {
        double[] v = {2, 4, 4, 4, 5, 5, 7, 9};
        assertEquals(5, Stats.mean(v), 1e-15);
        assertEquals(Math.sqrt(32.0 / 7), Stats.sd(v), 1e-12);
        assertEquals(4, Stats.quantile(v, 0.25), 1e-15, "type 7: position 1.75 between 4 and 4");
        assertEquals(7.6, Stats.quantile(v, 0.9), 1e-12, "position 6.3: 7 + 0.3 (9 - 7), as numpy gives");
        assertEquals(2, Stats.min(v));
        assertEquals(9, Stats.max(v));
        assertTrue(Double.isNaN(Stats.sd(1)));
    }

    @Test
    void theMeanIntervalUsesStudentT() {
        Estimate e = Stats.meanInterval(1, 2, 3, 4, 5);
        double half = 2.7764451051977987 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3, e.value(), 1e-15);
        assertEquals(3 - half, e.lower(), 1e-9);
        assertEquals(3 + half, e.upper(), 1e-9);
        assertEquals(5, e.n());
        assertTrue(e.excludes(0));
        assertFalse(e.excludes(3));
        assertEquals("3.0000 [1.0368, 4.9632]", e.format(4));
    }

    @Test
    void pairedDifferencesAreTakenSeedBySeed() {
        Estimate d = Stats.pairedDifference(new double[] {1.1, 2.1, 3.1}, new double[] {1, 2, 3});
        assertEquals(0.1, d.value(), 1e-12);
        assertEquals(0, d.halfWidth(), 1e-12, "the same difference on every seed");
        assertThrows(IllegalArgumentException.class, () -> Stats.pairedDifference(new double[] {1}, new double[] {1, 2}));
    }

    @Test
    void spearmanRanksWithTiesAndABootstrapInterval() {
        assertEquals(1, Stats.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 400}), 1e-15);
        assertEquals(-1, Stats.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-15);
        assertEquals(0.9, Stats.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 3, 4, 5}), 1e-12, "1 - 6 * 2 / (5 * 24)");
        Estimate rho = Stats.spearmanInterval(new double[] {1, 2, 3, 4, 5, 6, 7}, new double[] {1, 3, 2, 4, 6, 5, 7}, 500, 1);
        assertEquals(Stats.spearman(new double[] {1, 2, 3, 4, 5, 6, 7}, new double[] {1, 3, 2, 4, 6, 5, 7}), rho.value());
        assertTrue(rho.lower() < rho.value() && rho.upper() <= 1 && rho.lower() > 0, rho.toString());
        assertEquals(rho, Stats.spearmanInterval(new double[] {1, 2, 3, 4, 5, 6, 7}, new double[] {1, 3, 2, 4, 6, 5, 7}, 500, 1),
                "seeded");
    }

    @Test
    void emaSmoothsFromTheFirstValue() {
        assertArrayEquals(new double[] {1, 1.1, 1.19}, Stats.ema(new double[] {1, 2, 2}, 0.1), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Stats.ema(new double[] {1}, 0));
    }

    @Test
    void badLevelsAndProbabilitiesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> Stats.meanInterval(new double[] {1, 2}, 1.0));
        assertThrows(IllegalArgumentException.class, () -> Stats.quantile(new double[] {1}, 1.5));
        assertThrows(IllegalArgumentException.class, () -> Stats.meanInterval(new double[] {1}, 0.95));
    }
}
