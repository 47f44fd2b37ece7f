package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A warmup in front of any schedule, and schedules one after another. */
class CompositionTest {

    @Test
    void aWarmupInFrontEqualsTheBuiltInWarmup() {
        assertArrayEquals(Schedules.parse("cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)").toArray(),
                Schedules.parse("warmup(steps=2160, schedule=cosine(peak=3e-4, final=3e-5, warmup=0, total=21840))")
                        .toArray());
        assertArrayEquals(Schedules.parse("wsd(peak=1e-3, final=1e-5, warmup=100, total=1000, decay_start=800, "
                        + "shape=exp)").toArray(),
                Schedules.warmup(100, Schedules.parse("wsd(peak=1e-3, final=1e-5, warmup=0, total=900, "
                        + "decay_start=700, shape=exp)")).toArray());
    }

    @Test
    void aWarmupRisesToTheFirstRateOfAnySchedule() {
        Schedule s = Schedules.parse("warmup(steps=10, schedule=cyclic(base=1e-4, max=1e-3, half_period=5, "
                + "total=20))");
        assertEquals(30, s.totalSteps());
        assertEquals(0, s.lr(0));
        assertEquals(1e-4 * 4 / 10, s.lr(4));
        assertEquals(1e-4, s.lr(10));
        assertEquals(1e-3, s.lr(15), 1e-18);
    }

    @Test
    void concatenationRunsEachPartFromItsOwnStepZero() {
        Schedule hold = Schedules.constant(1e-3, 0, 100);
        Schedule decay = Schedules.d2z(1e-3, 0, 900);
        Schedule both = Schedules.concat(hold, decay);
        assertEquals(1000, both.totalSteps());
        double[] expected = new double[1000];
        System.arraycopy(hold.toArray(), 0, expected, 0, 100);
        System.arraycopy(decay.toArray(), 0, expected, 100, 900);
        assertArrayEquals(expected, both.toArray());
        assertArrayEquals(Schedules.parse("wsd(peak=1e-3, final=0, warmup=0, total=1000, decay_start=100)").toArray(),
                both.toArray(), 1e-18);
    }

    @Test
    void warmRestartsAreConcatenatedCosines() {
        Schedule sgdr = Schedules.parse("concat(parts=[cosine(peak=1e-3, final=0, total=100), "
                + "cosine(peak=1e-3, final=0, total=200)])");
        assertEquals(1e-3, sgdr.lr(0));
        assertEquals(1e-3, sgdr.lr(100));
        assertEquals(5e-4, sgdr.lr(200), 1e-18);
        assertEquals(Schedules.concat(Schedules.cosine(1e-3, 0, 0, 100), Schedules.cosine(1e-3, 0, 0, 200)), sgdr);
    }
}
