package org.trainkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trainkit.curves.Law;
import org.trainkit.schedules.Cooldown;
import org.trainkit.schedules.Piecewise;
import org.trainkit.schedules.Schedule;
import org.trainkit.schedules.Schedules;

/** Schedules optimised under the published 100M multi-power law (a shorter run than the paper's, for speed). */
class ScheduleOptimizerTest {

    private static final Law LAW = PublishedLaw.MPL_100M;
    private static final double PEAK = 3e-4;
    private static final int WARMUP = 540;
    private static final int TOTAL = 6000;
    private static OptimizedSchedule optimized;

    @BeforeAll
    static void optimise() {
        optimized = ScheduleOptimizer.under(LAW).knots(16).run(PEAK, WARMUP, TOTAL);
    }

    @Test
    void predictsNoHigherLossThanTheBaselinesUnderTheSameLaw() {
        double loss = optimized.predictedLoss();
        assertEquals(LAW.finalLoss(optimized.schedule()), loss);
        for (Schedule baseline : new Schedule[] {
            Schedules.cosine(PEAK, PEAK / 10, WARMUP, TOTAL),
            Schedules.cosine(PEAK, 0, WARMUP, TOTAL),
            Schedules.d2z(PEAK, WARMUP, TOTAL),
            Schedules.constant(PEAK, WARMUP, TOTAL),
            Schedules.wsd().peak(PEAK).warmup(WARMUP).total(TOTAL).decay(0.2).shape(Cooldown.SQRT).build(),
            Schedules.wsd().peak(PEAK).finalLr(PEAK / 10).warmup(WARMUP).total(TOTAL).decay(0.2).shape(Cooldown.EXP)
                    .build()}) {
            assertTrue(loss <= LAW.finalLoss(baseline), baseline.spec() + ": " + LAW.finalLoss(baseline) + " < " + loss);
        }
        BestCooldown bestWsd = CooldownSearch.under(LAW).best(
                Schedules.wsd().peak(PEAK).warmup(WARMUP).total(TOTAL).decay(0.2).shape(Cooldown.LINEAR).build());
        assertTrue(loss <= bestWsd.predictedLoss(), "best linear WSD " + bestWsd + " vs " + loss);
        assertTrue(loss <= optimized.startLoss());
        assertTrue(optimized.converged());
        assertTrue(optimized.evaluations() > 2 * 16 + 1);
    }

    @Test
    void keepsTheWarmupAndPeakAndIsNonIncreasingWithinZeroAndThePeak() {
        Piecewise schedule = optimized.schedule();
        assertEquals(TOTAL, schedule.totalSteps());
        for (int t = 0; t < WARMUP; t++) {
            assertEquals(PEAK * t / WARMUP, schedule.lr(t), 1e-18);
        }
        assertEquals(PEAK, schedule.lr(WARMUP));
        for (int t = WARMUP + 1; t < TOTAL; t++) {
            assertTrue(schedule.lr(t) <= schedule.lr(t - 1), "step " + t);
            assertTrue(schedule.lr(t) >= 0);
        }
        assertTrue(schedule.lr(TOTAL - 1) < PEAK / 2, "it decays: " + schedule.lr(TOTAL - 1));
    }

    @Test
    void isDeterministicAndItsTextFormRoundTrips() {
        OptimizedSchedule again = ScheduleOptimizer.under(LAW).knots(16).run(PEAK, WARMUP, TOTAL);
        assertEquals(optimized.schedule(), again.schedule());
        assertEquals(optimized.predictedLoss(), again.predictedLoss());
        assertEquals(optimized.schedule(), Schedules.parse(optimized.schedule().spec()));
    }

    @Test
    void theKnotBoxHoldsExactlyTheNonIncreasingSchedules() {
        DecayKnots space = new DecayKnots(1e-3, 10, 110, 4);
        Piecewise flat = space.schedule(new double[4]);
        for (int t = 10; t < 110; t++) {
            assertEquals(1e-3, flat.lr(t));
        }
        Piecewise toZero = space.schedule(new double[] {0, 0, 0, 1});
        assertEquals(0, toZero.lr(109));
        Schedule d2z = Schedules.d2z(1e-3, 10, 110);
        Piecewise projected = space.schedule(space.project(d2z));
        for (int step : new int[] {35, 60, 84, 109}) {
            assertEquals(d2z.lr(step), projected.lr(step), 1e-15);
        }
        Piecewise capped = space.schedule(space.project(Schedules.constant(5e-3, 0, 110)));
        assertEquals(1e-3, capped.lr(109));
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleOptimizer.under(LAW).knots(1));
        assertThrows(IllegalArgumentException.class, () -> ScheduleOptimizer.under(LAW).knots(100).run(PEAK, 10, 60));
        assertThrows(IllegalArgumentException.class, () -> ScheduleOptimizer.under(LAW).maxEvaluations(0));
        assertThrows(IllegalArgumentException.class, () -> ScheduleOptimizer.under(LAW).startingFrom());
        IllegalArgumentException wrongLength = assertThrows(IllegalArgumentException.class,
                () -> ScheduleOptimizer.under(LAW).startingFrom(Schedules.d2z(PEAK, 10, 500)).run(PEAK, 10, 600));
        assertTrue(wrongLength.getMessage().contains("500"), wrongLength.getMessage());
        IllegalArgumentException badPeak = assertThrows(IllegalArgumentException.class,
                () -> ScheduleOptimizer.under(LAW).run(-1, 10, 600));
        assertTrue(badPeak.getMessage().contains("peak") && badPeak.getMessage().contains("-1"), badPeak.getMessage());
    }
}
