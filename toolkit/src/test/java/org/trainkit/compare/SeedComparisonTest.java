package org.trainkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedComparisonTest {

    /** The 0.975 quantile of Student's t with 2 degrees of freedom. */
    private static final double T2 = 4.302652729749464;

    @Test
    void aPairedAdvantageWhoseIntervalExcludesZeroIsShown() {
        SeedComparison c = SeedComparison.lowerIsBetter("d2z", new double[] {2, 3, 4}, "cosine", new double[] {5, 5, 6});
        assertEquals(3, c.meanA());
        assertEquals(16.0 / 3, c.meanB(), 1e-15);
        assertEquals(7.0 / 3, c.advantage().value(), 1e-15, "advantages 3, 2, 2");
        double half = T2 * Math.sqrt(1.0 / 3) / Math.sqrt(3);
        assertEquals(7.0 / 3 - half, c.advantage().lower(), 1e-9);
        assertEquals(7.0 / 3 + half, c.advantage().upper(), 1e-9);
        assertEquals(SeedComparison.Outcome.A_BETTER, c.outcome());
        assertEquals("d2z better", c.outcomeText());
        assertTrue(c.describe().contains("d2z better"), c.describe());
    }

    @Test
    void anIntervalThatIncludesZeroShowsNothing() {
        SeedComparison c = SeedComparison.lowerIsBetter("a", new double[] {1, 3, 2}, "b", new double[] {2, 2, 2});
        assertEquals(SeedComparison.Outcome.NOT_SHOWN, c.outcome());
        assertEquals("not shown here", c.outcomeText());
        SeedComparison worse = SeedComparison.lowerIsBetter("a", new double[] {5, 5, 6}, "b", new double[] {2, 3, 4});
        assertEquals(SeedComparison.Outcome.B_BETTER, worse.outcome());
    }

    @Test
    void pairingRemovesTheSeedToSeedSpread() {
        // Both methods vary a lot from seed to seed, but a is better on every seed by about 0.01.
        double[] b = {0.30, 0.40, 0.35, 0.45, 0.33};
        double[] a = {0.29, 0.389, 0.341, 0.44, 0.321};
        assertEquals(SeedComparison.Outcome.A_BETTER, SeedComparison.lowerIsBetter("a", a, "b", b).outcome());
    }

    @Test
    void forAccuracyHigherIsBetter() {
        SeedComparison c = SeedComparison.higherIsBetter("a", new double[] {0.9, 0.91, 0.92}, "b", new double[] {0.8, 0.81, 0.82});
        assertEquals(0.1, c.advantage().value(), 1e-12);
        assertEquals(SeedComparison.Outcome.A_BETTER, c.outcome());
        assertEquals(SeedComparison.Outcome.B_BETTER,
                SeedComparison.higherIsBetter("b", new double[] {0.8, 0.81, 0.82}, "a", new double[] {0.9, 0.91, 0.92}).outcome());
    }

    @Test
    void equalMethodsAreRarelyToldApart() {
        // Property: with no true difference, a 95% interval excludes 0 in about 5% of experiments.
        SplittableRandom random = new SplittableRandom(7);
        int shown = 0;
        int experiments = 4000;
        for (int e = 0; e < experiments; e++) {
            double[] a = new double[5];
            double[] b = new double[5];
            for (int i = 0; i < 5; i++) {
                double seedEffect = random.nextGaussian();
                a[i] = seedEffect + 0.1 * random.nextGaussian();
                b[i] = seedEffect + 0.1 * random.nextGaussian();
            }
            if (SeedComparison.lowerIsBetter("a", a, "b", b).outcome() != SeedComparison.Outcome.NOT_SHOWN) {
                shown++;
            }
        }
        double rate = (double) shown / experiments;
        assertTrue(rate > 0.035 && rate < 0.065, "false-positive rate " + rate);
    }

    @Test
    void rejectsTooFewUnpairedOrNonFiniteValues() {
        assertThrows(IllegalArgumentException.class,
                () -> SeedComparison.lowerIsBetter("a", new double[] {1}, "b", new double[] {1}));
        IllegalArgumentException unpaired = assertThrows(IllegalArgumentException.class,
                () -> SeedComparison.lowerIsBetter("a", new double[] {1, 2}, "b", new double[] {1, 2, 3}));
        assertTrue(unpaired.getMessage().contains("paired"), unpaired.getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedComparison.lowerIsBetter("a", new double[] {1, 2}, "b", new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("'b' value 1"), e.getMessage());
    }
}
