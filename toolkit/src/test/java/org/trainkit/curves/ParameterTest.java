package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void aPositiveParameterPastTenDecadesFromOneHasRunAway() {
        Parameter c = Parameter.positive("C");
        assertTrue(c.ranAway(3.8e36));
        assertTrue(c.ranAway(1.1e10));
        assertTrue(c.ranAway(9e-11));
        assertFalse(c.ranAway(437.9));
        assertFalse(c.ranAway(0.9e10));
        assertFalse(c.ranAway(1.1e-10));
        assertFalse(Parameter.real("L0").ranAway(-1e12), "only positive parameters run away");
    }

    @Test
    void anExponentWithinOnePercentOfItsBoundIsAtIt() {
        Parameter beta = Parameter.exponent("beta", 20);
        assertTrue(beta.atUpperBound(19.93));
        assertFalse(beta.atUpperBound(19.7));
    }
}
