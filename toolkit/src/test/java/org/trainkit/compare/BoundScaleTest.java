package org.trainkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BoundScaleTest {

    @Test
    void recoversAnExactLineWithFullR2() {
        double[] bounds = {0.1, 0.4, 0.25, 0.9};
        double[] losses = new double[bounds.length];
        for (int i = 0; i < bounds.length; i++) {
            losses[i] = 2.5 - 0.3 * bounds[i];
        }
        BoundScale scale = BoundScale.fit(bounds, losses);
        assertEquals(2.5, scale.c(), 1e-12);
        assertEquals(-0.3, scale.m(), 1e-12);
        assertEquals(1, scale.r2(), 1e-12);
        assertEquals(2.5 - 0.3 * 0.5, scale.loss(0.5), 1e-12);
    }

    @Test
    void isTheLeastSquaresLineOfNoisyPoints() {
        double[] bounds = {1, 2, 3, 4};
        double[] losses = {1, 3, 2, 4};
        BoundScale scale = BoundScale.fit(bounds, losses);
        // normal equations by hand: mean b 2.5, mean l 2.5, Sbb 5, Sbl 4, Sll 5
        assertEquals(0.8, scale.m(), 1e-12);
        assertEquals(0.5, scale.c(), 1e-12);
        assertEquals(16.0 / 25, scale.r2(), 1e-12);
        assertTrue(scale.r2() < 1);
    }

    @Test
    void needsTwoDistinctBounds() {
        assertThrows(IllegalArgumentException.class, () -> BoundScale.fit(new double[] {1}, new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> BoundScale.fit(new double[] {1, 1}, new double[] {2, 3}));
        assertThrows(IllegalArgumentException.class, () -> BoundScale.fit(new double[] {1, 2}, new double[] {2}));
    }
}
