package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "foo(peak=1)|unknown schedule 'foo'; known: constant, cosine, linear, wsd, wsds, infinite, cyclic, onecycle, "
                + "invsqrt, step, exponential, piecewise, refined, warmup, concat",
        "cosine(peek=1e-3, total=10)|cosine: unknown key 'peek'; keys: peak, final, warmup, total",
        "cosine(peak=1e-3)|cosine: missing key 'total' (number of optimizer steps)",
        "cosine(peak=-1e-3, total=10)|cosine: key 'peak' must be a finite number > 0, got -1e-3",
        "cosine(peak=0, total=10)|cosine: key 'peak' must be a finite number > 0, got 0",
        "cosine(peak=1e-3, final=-1e-4, total=10)|cosine: key 'final' must be a finite rate >= 0, got -1e-4",
        "cosine(peak=1e-3, final=2e-3, total=10)|cosine: key 'final' must be <= peak (1e-3), got 2e-3",
        "cosine(peak=1e-3, warmup=200, total=100)|cosine: key 'warmup' must be in [0, total) = [0, 100), got 200",
        "linear(peak=1e-3, warmup=100, total=100)|linear: key 'warmup' must be in [0, total) = [0, 100), got 100",
        "constant(peak=1e-3, total=0)|constant: key 'total' must be >= 1, got 0",
        "cosine(peak=1e-3, total=1.5)|cosine: key 'total' must be a whole number of steps, got 1.5",
        "cosine(peak=high, total=10)|cosine: key 'peak' must be a number, got a word",
        "wsd(peak=1e-3, final=0, warmup=100, total=5000, decay=1.5, shape=sqrt)|wsd: key 'decay' must be in (0, 1], "
                + "got 1.5",
        "wsd(peak=1e-3, total=5000, decay=0)|wsd: key 'decay' must be in (0, 1], got 0",
        "wsd(peak=1e-3, warmup=100, total=1000, decay=0.95)|wsd: key 'decay' must be at most 1 - warmup/total = 0.9 "
                + "so that the cooldown starts after the warmup, got 0.95",
        "wsd(peak=1e-3, warmup=100, total=1000, decay_start=50)|wsd: key 'decay_start' must be in [warmup, total) = "
                + "[100, 1000), got 50",
        "wsd(peak=1e-3, total=1000, decay_start=1000)|wsd: key 'decay_start' must be in [warmup, total) = [0, 1000), "
                + "got 1000",
        "wsd(peak=1e-3, total=1000)|wsd: give exactly one of the keys 'decay_start' and 'decay', got none",
        "wsd(peak=1e-3, total=1000, decay=0.1, decay_start=900)|wsd: give exactly one of the keys 'decay_start' and "
                + "'decay', got 'decay_start' and 'decay'",
        "wsd(peak=1e-3, total=1000, decay=0.1, shape=cubic)|wsd: key 'shape' must be one of linear, sqrt, square, "
                + "cosine, exp, got cubic",
        "wsd(peak=1e-3, total=1000, decay=0.1, shape=3)|wsd: key 'shape' must be a word, got a number",
        "wsd(peak=1e-3, total=1000, decay=0.1, shape=exp)|wsd: key 'final' must be > 0 for shape=exp, got 0",
        "wsds(peak=1e-3, final=0, total=1000, decay=0.1)|wsds: key 'final' must be a finite number > 0, got 0",
        "infinite(peak=1e-3, constant=3e-4, total=1000, cooldown=600, anneal=500)|infinite: key 'anneal' must be "
                + "<= total - warmup - cooldown = 400, got 500",
        "infinite(peak=1e-3, constant=3e-3, total=1000, cooldown=600)|infinite: key 'constant' must be <= peak "
                + "(1e-3), got 3e-3",
        "cyclic(base=1e-3, max=1e-4, half_period=10, total=100)|cyclic: key 'max' must be >= base (1e-3), got 1e-4",
        "cyclic(base=1e-4, max=1e-3, half_period=0, total=100)|cyclic: key 'half_period' must be >= 1, got 0",
        "cyclic(base=1e-4, max=1e-3, half_period=10, total=100, mode=saw)|cyclic: key 'mode' must be one of "
                + "triangular, triangular2, got saw",
        "onecycle(peak=1e-3, total=100, up=1)|onecycle: key 'up' must be in (0, 1), got 1",
        "onecycle(peak=1e-3, total=100, div=0.5)|onecycle: key 'div' must be a finite number >= 1, got 0.5",
        "invsqrt(peak=1e-3, total=100, timescale=0)|invsqrt: key 'timescale' must be >= 1, got 0",
        "step(peak=1e-3, total=100, every=10, factor=2)|step: key 'factor' must be in (0, 1], got 2",
        "exponential(peak=1e-3, total=100, factor=0)|exponential: key 'factor' must be in (0, 1], got 0",
        "piecewise(total=16000, points=[0:3e-4, 8000:9e-5, 8000:3e-5])|piecewise: key 'points' must be a list of "
                + "knots with increasing steps, got 8000 after 8000",
        "piecewise(total=16000, points=[100:3e-4])|piecewise: key 'points' must be a list whose first knot is at "
                + "step 0, got step 100",
        "piecewise(total=16000, points=[0:3e-4, 16000:1e-5])|piecewise: key 'points' must be a list of knots before "
                + "total = 16000, got step 16000",
        "piecewise(total=16000, points=[0:-3e-4])|piecewise: key 'points' must be a finite rate >= 0, got -3e-4",
        "piecewise(total=16000, points=[0.5:3e-4])|piecewise: key 'points' must be a whole number of steps, got 0.5",
        "piecewise(total=16000, points=3)|piecewise: key 'points' must be a [list], got a number",
        "piecewise(total=16000, points=[3])|piecewise: key 'points' must be a list of step:rate pairs, got a number",
        "piecewise(total=16000, points=[])|piecewise: key 'points' must be a non-empty list of step:lr knots, got []",
        "refined(peak=1e-3, median=2, norms=[1, 2, 3])|refined: key 'median' must be an odd number >= 1, got 2",
        "refined(peak=1e-3, median=1, norms=[1, 0, 3])|refined: key 'norms' must be a list of finite norms > 0, "
                + "got 0 at index 1",
        "refined(peak=1e-3, median=1, norms=[1])|refined: key 'norms' must be a list of at least 2 gradient norms, "
                + "got 1 norms",
        "warmup(steps=10, schedule=3)|warmup: key 'schedule' must be a schedule such as constant(peak=1e-3, "
                + "total=100), got a number",
        "warmup(steps=0, schedule=constant(peak=1e-3, total=10))|warmup: key 'steps' must be >= 1, got 0",
        "concat(parts=[cosine(peak=1e-3)])|cosine: missing key 'total' (number of optimizer steps)",
        "concat(parts=[])|concat: key 'parts' must be a non-empty list of schedules, got []"
    })
    void badSpecsSayWhichKeyAndWhy(String text, String message) {
        SpecException e = assertThrows(SpecException.class, () -> Schedules.parse(text));
        assertEquals(message, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void constructorsCheckLikeTheTextForm() {
        assertEquals("cosine: key 'peak' must be a finite number > 0, got -1e-3",
                assertThrows(SpecException.class, () -> new Cosine(-1e-3, 0, 0, 10)).getMessage());
        assertEquals("wsd: key 'decay' must be in (0, 1], got 1.5", assertThrows(SpecException.class,
                () -> Schedules.wsd().peak(1e-3).total(100).decay(1.5).build()).getMessage());
        assertEquals("cosine: key 'peak' must be a finite number > 0, got NaN",
                assertThrows(SpecException.class, () -> new Cosine(Double.NaN, 0, 0, 10)).getMessage());
        assertEquals("piecewise: key 'points' must be a list of knots with increasing steps, got 5 after 7",
                assertThrows(SpecException.class, () -> new Piecewise(0, 10,
                        List.of(new Knot(0, 1), new Knot(7, 1), new Knot(5, 1)), Interpolation.LINEAR)).getMessage());
    }

    @Test
    void stepsOutsideTheScheduleAreRejected() {
        Schedule s = Schedules.cosine(1e-3, 0, 0, 10);
        assertThrows(IndexOutOfBoundsException.class, () -> s.lr(10));
        assertThrows(IndexOutOfBoundsException.class, () -> s.lr(-1));
    }
}
