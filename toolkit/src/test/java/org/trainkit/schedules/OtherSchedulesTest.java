package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trainkit.schedules.ScheduleAssert.close;
import static org.trainkit.schedules.ScheduleAssert.parse;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Cyclical, one-cycle, inverse square root, step, exponential and piecewise schedules. */
class OtherSchedulesTest {


    @Test
    void triangularRisesToMaxInHalfAPeriodAndFallsBack() {
        Schedule s = parse("cyclic(base=1e-4, max=1e-3, half_period=500, total=5000, mode=triangular)");
        assertEquals(1e-4, s.lr(0));
        close(5.5e-4, s.lr(250));
        close(1e-3, s.lr(500));
        close(5.5e-4, s.lr(750));
        close(1e-4, s.lr(1000));
        close(1e-3, s.lr(1500));
        close(1e-3, s.lr(4500));
        close(1e-4 + 9e-4 * 0.002, s.lr(1));
    }

    @Test
    void triangular2HalvesTheAmplitudeEachCycle() {
        Schedule s = parse("cyclic(base=1e-4, max=1e-3, half_period=500, total=5000, mode=triangular2)");
        close(1e-3, s.lr(500));
        close(1e-4, s.lr(1000));
        close(1e-4 + 9e-4 / 2, s.lr(1500));
        close(1e-4 + 9e-4 / 4, s.lr(2500));
        close(1e-4 + 9e-4 / 8, s.lr(3500));
        close(1e-4 + 9e-4 / 4 / 2, s.lr(2250));
    }

    @Test
    void oneCycleStartsAtPeakOverDivPeaksAtThirtyPercentAndFallsToTheEnd() {
        OneCycle s = (OneCycle) parse("onecycle(peak=1e-3, total=1000)");
        close(4e-5, s.start());
        close(4e-9, s.end());
        close(s.start(), s.lr(0));
        close((4e-5 + 1e-3) / 2, s.lr(150));
        assertEquals(1e-3, s.lr(300));
        close(s.end() + (1e-3 - s.end()) * (1 + Math.cos(Math.PI * 699 / 700)) / 2, s.lr(999));
        assertTrue(s.lr(999) < 1e-8);
        for (int t = 1; t < 1000; t++) {
            assertTrue(t <= 300 ? s.lr(t) > s.lr(t - 1) : s.lr(t) < s.lr(t - 1), "monotone phases at " + t);
        }
    }

    @Test
    void inverseSqrtWithTimescaleEqualToWarmupIsTheTransformerSchedule() {
        Schedule s = parse("invsqrt(peak=1e-3, warmup=100, total=5000, timescale=100)");
        for (int t = 1; t < 5000; t++) {
            close(1e-3 * Math.min(t / 100.0, Math.sqrt(100.0 / t)), s.lr(t));
        }
        close(1e-3 / Math.sqrt(2), parse("invsqrt(peak=1e-3, warmup=0, total=5000, timescale=300)").lr(300));
    }

    @Test
    void stepDecayDropsByTheFactorEveryKStepsAndExponentialDecayInterpolatesIt() {
        Schedule step = parse("step(peak=0.1, warmup=0, total=5000, every=1500, factor=0.1)");
        assertEquals(0.1, step.lr(1499));
        close(0.01, step.lr(1500));
        close(1e-3, step.lr(3000));
        close(1e-4, step.lr(4999));
        Schedule exp = parse("exponential(peak=0.1, warmup=0, total=5000, factor=0.1, every=1500)");
        for (int t = 0; t < 5000; t += 1500) {
            close(step.lr(t), exp.lr(t));
        }
        close(0.1 * Math.sqrt(0.1), exp.lr(750));
        Schedule warm = parse("exponential(peak=1e-3, warmup=10, total=100, factor=0.5)");
        close(5e-4, warm.lr(5));
        close(1e-3 * Math.pow(0.5, 3), warm.lr(13));
    }

    @Test
    void piecewiseHoldsOrInterpolatesBetweenKnots() {
        Schedule held = parse("piecewise(warmup=0, total=300, points=[0:1e-3, 100:5e-4, 200:1e-4], interp=constant)");
        assertEquals(1e-3, held.lr(99));
        assertEquals(5e-4, held.lr(100));
        assertEquals(1e-4, held.lr(299));
        Schedule lines = parse("piecewise(warmup=10, total=300, points=[0:1e-3, 100:5e-4, 200:1e-4], interp=linear)");
        close(1e-3 - 5e-4 * 0.1, lines.lr(10));
        close((1e-3 - 5e-4 * 0.1) * 0.5, lines.lr(5));
        close(7.5e-4, lines.lr(50));
        close(3e-4, lines.lr(150));
        assertEquals(1e-4, lines.lr(250));
    }

    @Test
    void piecewiseOfRatesKeepsEveryRateExactly() {
        double[] rates = {0, 1e-3, 1e-3, 1e-3, 7e-4, 7e-4, 0.1 + 0.2, 0};
        Piecewise p = Schedules.of(rates);
        assertArrayEquals(rates, p.toArray());
        assertEquals(List.of(new Knot(0, 0), new Knot(1, 1e-3), new Knot(4, 7e-4), new Knot(6, 0.1 + 0.2),
                new Knot(7, 0)), p.points());
        assertArrayEquals(rates, Schedules.parse(p.spec()).toArray());
    }
}
