package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainkit.schedules.ScheduleAssert.close;
import static org.trainkit.schedules.ScheduleAssert.parse;

import org.junit.jupiter.api.Test;

/** Constant, cosine, linear (D2Z), WSD with every cooldown shape, WSD-S and the infinite schedule. */
class DecaySchedulesTest {


    @Test
    void warmupIsLinearFromZeroToThePeak() {
        Schedule s = parse("cosine(peak=1e-3, final=1e-4, warmup=100, total=1000)");
        assertEquals(0, s.lr(0));
        close(5e-4, s.lr(50));
        close(1e-3 * 99 / 100, s.lr(99));
        assertEquals(1e-3, s.lr(100));
        Schedule c = parse("constant(peak=2e-3, warmup=4, total=10)");
        assertArrayEquals(new double[] {0, 5e-4, 1e-3, 1.5e-3, 2e-3, 2e-3, 2e-3, 2e-3, 2e-3, 2e-3}, c.toArray());
    }

    @Test
    void cosineRunsFromPeakAtTheWarmupToFinalAtTotal() {
        Schedule s = parse("cosine(peak=1e-3, final=1e-4, warmup=100, total=1100)");
        close(5.5e-4, s.lr(600));
        close(1e-4 + 9e-4 * (1 + Math.cos(Math.PI * 0.25)) / 2, s.lr(350));
        close(1e-4 + 9e-4 * (1 + Math.cos(Math.PI * 999.0 / 1000)) / 2, s.lr(1099));
        assertTrue(s.lr(1099) > 1e-4);
    }

    @Test
    void d2zIsLinearToZeroAndLinearDecayIsAScaledShiftedD2z() {
        Schedule d2z = parse("linear(peak=1e-3, final=0, warmup=0, total=1000)");
        assertEquals(Schedules.d2z(1e-3, 0, 1000), d2z);
        for (int t = 0; t < 1000; t++) {
            close(1e-3 * (1 - t / 1000.0), d2z.lr(t));
        }
        close(5e-4, d2z.lr(500));
        Schedule tenX = parse("linear(peak=1e-3, final=1e-4, warmup=0, total=1000)");
        for (int t = 0; t < 1000; t++) {
            assertEquals(1e-4 + 0.9 * d2z.lr(t), tenX.lr(t), 1e-18);
        }
    }

    @Test
    void wsdWithTheWholeRunAsCooldownIsTheLinearOrCosineDecay() {
        assertArrayEquals(parse("linear(peak=1e-3, final=0, warmup=0, total=777)").toArray(),
                parse("wsd(peak=1e-3, final=0, warmup=0, total=777, decay=1, shape=linear)").toArray());
        assertArrayEquals(parse("cosine(peak=1e-3, final=1e-5, warmup=0, total=777)").toArray(),
                parse("wsd(peak=1e-3, final=1e-5, warmup=0, total=777, decay=1, shape=cosine)").toArray());
    }

    @Test
    void wsdHoldsThePeakThenCoolsDownWithItsShape() {
        String head = "wsd(peak=1e-3, final=1e-4, warmup=100, total=1000, decay_start=600, shape=";
        double s = 0.25;
        double[][] expected = {
            {1e-4 + 9e-4 * (1 - s)},
            {1e-4 + 9e-4 * (1 - Math.sqrt(s))},
            {1e-4 + 9e-4 * (1 - s * s)},
            {1e-4 + 9e-4 * (1 + Math.cos(Math.PI * s)) / 2},
            {1e-3 * Math.pow(0.1, s)}};
        String[] shapes = {"linear", "sqrt", "square", "cosine", "exp"};
        for (int i = 0; i < shapes.length; i++) {
            Schedule wsd = parse(head + shapes[i] + ")");
            assertEquals(1e-3, wsd.lr(100));
            assertEquals(1e-3, wsd.lr(599));
            close(1e-3, wsd.lr(600));
            close(expected[i][0], wsd.lr(700));
            for (int t = 601; t < 1000; t++) {
                assertTrue(wsd.lr(t) < wsd.lr(t - 1), shapes[i] + " decreases at " + t);
            }
            assertTrue(wsd.lr(999) > 1e-4);
        }
        close(5.5e-4, parse(head + "sqrt)").lr(700));
    }

    @Test
    void aCooldownFractionStartsAtTotalMinusFractionTimesTotal() {
        Schedule wsd = parse("wsd(peak=1e-3, final=0, warmup=100, total=5000, decay=0.2, shape=sqrt)");
        assertEquals(1e-3, wsd.lr(3999));
        close(1e-3, wsd.lr(4000));
        close(1e-3 * (1 - Math.sqrt(0.5)), wsd.lr(4500));
        Schedule between = parse("wsd(peak=1e-3, final=0, total=1001, decay=0.1)");
        assertEquals(1e-3, between.lr(900));
        double d = 1001 - 0.1 * 1001;
        close(1e-3 * (1 - (901 - d) / (1001 - d)), between.lr(901));
    }

    @Test
    void wsdSMovesTheInverseRateLinearly() {
        Schedule s = parse("wsds(peak=1e-3, final=1e-4, warmup=100, total=1000, decay_start=600)");
        assertEquals(1e-3, s.lr(599));
        close(1 / (0.75 / 1e-3 + 0.25 / 1e-4), s.lr(700));
        close(1 / 3250.0, s.lr(700));
        for (int t = 601; t < 1000; t++) {
            double s0 = (t - 600) / 400.0;
            close((1 - s0) * 1000 + s0 * 10000, 1 / s.lr(t));
        }
    }

    @Test
    void theInfiniteScheduleCoolsToAConstantAndAnnealsAtTheEnd() {
        Schedule s = parse("infinite(peak=1e-3, constant=3e-4, final=0, warmup=100, total=5000, cooldown=1000, "
                + "anneal=500)");
        close(5e-4, s.lr(50));
        assertEquals(1e-3, s.lr(100));
        close(6.5e-4, s.lr(600));
        close(3e-4 + 7e-4 * (1 + Math.cos(Math.PI * 0.999)) / 2, s.lr(1099));
        assertEquals(3e-4, s.lr(1100));
        assertEquals(3e-4, s.lr(4499));
        close(3e-4, s.lr(4500));
        close(1.5e-4, s.lr(4750));
        close(3e-4 / 500, s.lr(4999));
        Schedule open = parse("infinite(peak=1e-3, constant=3e-4, warmup=100, total=5000, cooldown=1000)");
        assertEquals(3e-4, open.lr(4999));
        Schedule sqrtAnneal = parse("infinite(peak=1e-3, constant=4e-4, final=0, total=2000, cooldown=1000, "
                + "anneal=400, anneal_shape=sqrt)");
        close(4e-4 * (1 - Math.sqrt(0.25)), sqrtAnneal.lr(1700));
    }
}
