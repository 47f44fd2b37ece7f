package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rule a peak sweep chooses by: lowest validation loss, ties to the smaller peak, diverged runs never. */
class PeakChoiceTest {

    private static final double[] PEAKS = {0.05, 0.1, 0.2};

    @Test
    void theLowestValidationLossWinsAndTheEdgesAreFlagged() {
        PeakChoice inside = PeakChoice.of("d2z", PEAKS, new double[] {0.34, 0.33, 0.35});
        assertEquals(0.1, inside.peak());
        assertEquals(0.33, inside.loss());
        assertFalse(inside.atEdge());
        assertEquals("inside the grid", inside.note());
        PeakChoice low = PeakChoice.of("constant", PEAKS, new double[] {0.36, 0.38, 0.41});
        assertEquals(0.05, low.peak());
        assertTrue(low.atEdge());
        assertEquals("smallest peak of the grid", low.note());
        PeakChoice high = PeakChoice.of("cosine", PEAKS, new double[] {0.36, 0.35, 0.34});
        assertEquals("largest peak of the grid", high.note());
    }

    @Test
    void aTieGoesToTheSmallerPeakAndADivergedRunIsNeverChosen() {
        assertEquals(0.05, PeakChoice.of("tie", PEAKS, new double[] {0.3, 0.3, 0.4}).peak());
        assertEquals(0.1, PeakChoice.of("nan", PEAKS, new double[] {0.5, 0.3, Double.NaN}).peak());
        assertEquals(0.05, PeakChoice.of("inf", PEAKS, new double[] {0.5, Double.POSITIVE_INFINITY, Double.NaN}).peak());
    }

    @Test
    void theChoiceIsTheArgminOfRandomLosses() {
        SplittableRandom random = new SplittableRandom(11);
        for (int trial = 0; trial < 500; trial++) {
            double[] losses = random.doubles(3, 0.2, 0.6).toArray();
            PeakChoice c = PeakChoice.of("r", PEAKS, losses);
            for (double l : losses) {
                assertTrue(c.loss() <= l);
            }
        }
    }

    @Test
    void badInputNamesTheScheduleAndWhatWasExpected() {
        IllegalArgumentException fewer = assertThrows(IllegalArgumentException.class,
                () -> PeakChoice.of("wsd", new double[] {0.1}, new double[] {0.3}));
        assertTrue(fewer.getMessage().contains("'wsd'") && fewer.getMessage().contains("at least 2"), fewer.getMessage());
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> PeakChoice.of("wsd", new double[] {0.2, 0.1}, new double[] {0.3, 0.3}));
        assertTrue(order.getMessage().contains("strictly increasing"), order.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PeakChoice.of("wsd", new double[] {0, 0.1}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> PeakChoice.of("wsd", PEAKS, new double[2]));
        IllegalArgumentException diverged = assertThrows(IllegalArgumentException.class,
                () -> PeakChoice.of("cyclic", PEAKS, new double[] {Double.NaN, Double.NaN, Double.NaN}));
        assertTrue(diverged.getMessage().contains("every run diverged"), diverged.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PeakChoice("d2z", PEAKS, new double[] {0.3, 0.2, 0.4}, 0));
    }
}
