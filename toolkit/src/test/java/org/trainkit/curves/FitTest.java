package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.trainkit.core.Interval;

class FitTest {

    static void assertRecovers(Law truth, FitResult fit, double tolerance) {
        truth.params().forEach((name, value) -> {
            double got = fit.params().get(name);
            assertEquals(value, got, tolerance * Math.abs(value), name + ": " + fit.params());
        });
    }

    @Test
    void multiPowerLawRecoversItsOwnParameters() {
        MultiPowerLaw truth = new MultiPowerLaw(2.65, 0.6, 0.45, 440, 2.1, 0.6, 0.65);
        List<LossCurve> curves = SyntheticCurves.generate(truth, 6000, 300, 40, 0, 1);
        FitResult fit = Fit.of(LawForm.multiPower()).on(curves).run();
        assertTrue(fit.objective() < 1e-14, "objective " + fit.objective());
        assertRecovers(truth, fit, 1e-4);
    }

    @Test
    void annealingLawRecoversItsOwnParametersWithLambdaFittedOrFixed() {
        AnnealingLaw truth = new AnnealingLaw(2.7, 0.55, 0.5, 0.45, 0.995);
        List<LossCurve> curves = SyntheticCurves.generate(truth, 6000, 300, 40, 0, 2);
        assertRecovers(truth, Fit.of(LawForm.annealing()).on(curves).run(), 1e-5);
        FitResult fixed = Fit.of(LawForm.annealing(0.995)).on(curves).run();
        assertRecovers(truth, fixed, 1e-5);
        assertEquals(4, fixed.values().length);
    }

    @Test
    void powerLawRecoversItsOwnParameters() {
        PowerLaw truth = new PowerLaw(1.5, 4, 0.35);
        List<LossCurve> curves = SyntheticCurves.generate(truth, 3000, 10, 25, 0, 3);
        assertRecovers(truth, Fit.of(LawForm.power()).on(curves).run(), 1e-6);
    }

    @Test
    void theObjectiveAtTheFittedValuesIsTheFitsAndElsewhereItIsHigher() {
        AnnealingLaw truth = new AnnealingLaw(2.7, 0.55, 0.5, 0.45, 0.999);
        List<LossCurve> curves = SyntheticCurves.generate(truth, 6000, 300, 40, 5e-4, 5);
        Fit fit = Fit.of(LawForm.annealing());
        FitResult result = fit.on(curves).run();
        assertEquals(result.objective(), fit.on(curves).objectiveAt(result.values()), 1e-12 * result.objective());
        double[] moved = result.values();
        moved[0] += 0.01;
        assertTrue(fit.on(curves).objectiveAt(moved) > result.objective());
        assertEquals(Double.POSITIVE_INFINITY, fit.on(curves).objectiveAt(-10, 0.55, 0.5, 0.45, 0.999),
                "a negative predicted loss has no log");
        assertThrows(IllegalArgumentException.class, () -> fit.on(curves).objectiveAt(2.7, 0.55));
    }

    @Test
    void noisyCurvesGiveNearbyParametersAndBootstrapIntervalsAroundThem() {
        AnnealingLaw truth = new AnnealingLaw(2.7, 0.55, 0.5, 0.45, 0.999);
        List<LossCurve> curves = SyntheticCurves.generate(truth, 6000, 300, 40, 5e-4, 4);
        FitResult fit = Fit.of(LawForm.annealing(0.999)).on(curves).run();
        assertRecovers(truth, fit, 0.05);
        List<FitProgress> reports = new ArrayList<>();
        BootstrapResult ci = Bootstrap.of(fit).resamples(40).seed(9).listener(p -> {
            synchronized (reports) {
                reports.add(p);
            }
        }).run();
        assertEquals(40, ci.resamples() + ci.failures());
        assertEquals(0, ci.failures());
        assertEquals(40, reports.size());
        for (String name : fit.form().parameterNames()) {
            Interval interval = ci.interval(name);
            assertTrue(interval.lower() < interval.upper(), name + " " + interval);
            assertTrue(interval.contains(fit.params().get(name)), name + " " + interval + " vs " + fit.params());
        }
        BootstrapResult again = Bootstrap.of(fit).resamples(40).seed(9).threads(1).run();
        assertArrayEquals(ci.samples("alpha"), again.samples("alpha"));
        assertEquals(4, ci.toTable().rowCount());
    }

    @Test
    void fixedParametersStayFixedAndTheOthersAreRecovered() {
        MultiPowerLaw truth = new MultiPowerLaw(2.65, 0.6, 0.45, 440, 1, 0.5, 0.5);
        List<LossCurve> curves = SyntheticCurves.generate(truth, 6000, 300, 40, 0, 5);
        FitResult fit = Fit.of(LawForm.multiPower()).on(curves).fixing("C", 1).fixing("beta", 0.5)
                .fixing("gamma", 0.5).run();
        assertEquals(1.0, fit.params().get("C"));
        assertEquals(0.5, fit.params().get("beta"));
        assertRecovers(truth, fit, 1e-5);
        BootstrapResult ci = Bootstrap.of(fit).resamples(4).run();
        assertEquals(new Interval(0.5, 0.5), ci.interval("gamma"));
        assertThrows(IllegalArgumentException.class, () -> Fit.of(LawForm.multiPower()).fixing("delta", 1));
        assertThrows(IllegalArgumentException.class, () -> Fit.of(LawForm.multiPower()).fixing("beta", -1));
    }

    @Test
    void fitIsDeterministic() {
        List<LossCurve> train = PublishedSchedules.curves("25M", PublishedSchedules.TRAIN);
        assertArrayEquals(Fit.of(LawForm.multiPower()).on(train).run().values(),
                Fit.of(LawForm.multiPower()).on(train).run().values());
    }

    @Test
    void runningOutOfIterationsIsAnError() {
        List<LossCurve> curves = SyntheticCurves.generate(new MultiPowerLaw(2.65, 0.6, 0.45, 440, 2.1, 0.6, 0.65),
                6000, 300, 40, 0, 1);
        FitException e = assertThrows(FitException.class,
                () -> Fit.of(LawForm.multiPower()).on(curves).maxIterations(2).startingFrom(2.5, 0.5, 0.5, 300, 1, 0.5, 0.5).run());
        assertEquals(FitException.Reason.ITERATIONS_EXHAUSTED, e.reason());
        assertTrue(e.getMessage().contains("2 iterations exhausted"), e.getMessage());
    }

    @Test
    void anExponentRunningIntoItsBoundIsAWarningNamingIt() {
        // A flat curve with one high first point: t^-alpha fits it best as alpha grows without bound.
        int[] steps = IntStream.rangeClosed(1, 60).toArray();
        double[] loss = new double[steps.length];
        java.util.Arrays.fill(loss, 3);
        loss[0] = 4;
        LossCurve curve = LossCurve.of("cliff", steps, loss, new double[61]);
        FitResult fit = Fit.of(LawForm.power()).on(curve).run();
        assertTrue(fit.warnings().stream().anyMatch(w -> w.parameters().equals(List.of("alpha"))
                && w.message().contains("upper bound")), fit.warnings().toString());
    }

    @Test
    void aStartWithNonPositivePredictionsIsANonFiniteObjective() {
        List<LossCurve> curves = SyntheticCurves.generate(new PowerLaw(1.5, 4, 0.35), 3000, 10, 25, 0, 3);
        FitException e = assertThrows(FitException.class,
                () -> Fit.of(LawForm.power()).on(curves).startingFrom(-10, 1, 0.5).run());
        assertEquals(FitException.Reason.NON_FINITE_OBJECTIVE, e.reason());
    }

    @Test
    void pointsWhereTheLawIsUndefinedAreRefusedWithAHint() {
        LossCurve curve = LossCurve.of("from0", new int[] {0, 5, 9}, new double[] {3, 2, 1}, new double[] {0, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        FitException e = assertThrows(FitException.class, () -> Fit.of(LawForm.multiPower()).on(curve).run());
        assertEquals(FitException.Reason.BAD_DATA, e.reason());
        assertTrue(e.getMessage().contains("curve.from(1)"), e.getMessage());
        assertEquals(FitException.Reason.BAD_DATA,
                assertThrows(FitException.class, () -> Fit.of(LawForm.power()).run()).reason());
    }

    @Test
    void progressIsReported() {
        List<FitProgress> reports = new ArrayList<>();
        List<LossCurve> curves = SyntheticCurves.generate(new PowerLaw(1.5, 4, 0.35), 3000, 10, 25, 1e-3, 3);
        Fit.of(LawForm.power()).on(curves).listener(reports::add).run();
        assertEquals("start", reports.get(0).stage());
        assertTrue(reports.stream().anyMatch(p -> p.stage().equals("optimise")));
    }
}
