package org.trainkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeedComparisonTest {

    @Test
    void aLowerLossBeyondTwoStandardErrorsIsAWin() {
        SeedComparison c = SeedComparison.lowerIsBetter("d2z", new double[] {1, 2, 3}, "cosine", new double[] {4, 5, 6});
        assertEquals(2, c.meanA());
        assertEquals(5, c.meanB());
        assertEquals(1, c.sdA(), 1e-15);
        assertEquals(1, c.sdB(), 1e-15);
        assertEquals(3, c.advantage());
        assertEquals(2 * Math.sqrt(2.0 / 3), c.threshold(), 1e-15);
        assertEquals(SeedComparison.Outcome.A_BETTER, c.outcome());
        assertTrue(c.beats());
        assertTrue(c.matchesOrBeats());
        assertTrue(c.describe().contains("d2z better"), c.describe());
    }

    @Test
    void aDifferenceWithinTheSeedNoiseIsATie() {
        SeedComparison c = SeedComparison.lowerIsBetter("a", new double[] {1, 2, 3}, "b", new double[] {2, 3, 4});
        assertEquals(SeedComparison.Outcome.TIE, c.outcome());
        assertFalse(c.beats());
        assertTrue(c.matchesOrBeats());
        SeedComparison worse = SeedComparison.lowerIsBetter("a", new double[] {4, 5, 6}, "b", new double[] {1, 2, 3});
        assertEquals(SeedComparison.Outcome.B_BETTER, worse.outcome());
        assertFalse(worse.matchesOrBeats());
    }

    @Test
    void forAccuracyHigherIsBetter() {
        SeedComparison c = SeedComparison.higherIsBetter("a", new double[] {0.9, 0.91, 0.92}, "b",
                new double[] {0.8, 0.81, 0.82});
        assertEquals(0.1, c.advantage(), 1e-12);
        assertTrue(c.beats());
        SeedComparison reversed = SeedComparison.higherIsBetter("b", new double[] {0.8, 0.81, 0.82}, "a",
                new double[] {0.9, 0.91, 0.92});
        assertEquals(SeedComparison.Outcome.B_BETTER, reversed.outcome());
    }

    @Test
    void identicalSeedsDecideOnAnyDifference() {
        SeedComparison c = SeedComparison.lowerIsBetter("a", new double[] {1, 1}, "b", new double[] {1.001, 1.001});
        assertEquals(0, c.threshold());
        assertTrue(c.beats());
        SeedComparison same = SeedComparison.lowerIsBetter("a", new double[] {1, 1}, "b", new double[] {1, 1});
        assertEquals(SeedComparison.Outcome.TIE, same.outcome());
    }

    @Test
    void rejectsTooFewOrNonFiniteValues() {
        assertThrows(IllegalArgumentException.class,
                () -> SeedComparison.lowerIsBetter("a", new double[] {1}, "b", new double[] {1, 2}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SeedComparison.lowerIsBetter("a", new double[] {1, 2}, "b", new double[] {1, Double.NaN}));
        assertTrue(e.getMessage().contains("'b' value 1"), e.getMessage());
    }
}
