package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FitResult#warnings()}: parameters the curves do not determine are named, others are not. */
class IdentifiabilityTest {

    @Test
    void aWellDeterminedFitHasNoWarnings() {
        List<LossCurve> curves = SyntheticCurves.generate(new PowerLaw(1.5, 4, 0.35), 3000, 10, 25, 0.002, 3);
        FitResult fit = Fit.of(LawForm.power()).on(curves).run();
        assertEquals(List.of(), fit.warnings());
    }

    @Test
    void theMultiPowerShapeIsNotIdentifiedByConstantRunsAlone() {
        // Constant runs after a warmup have no learning-rate decay: the loss-drop shape (C, beta,
        // gamma) only acts through the warmup's increases and cannot be determined.
        Law law = new MultiPowerLaw(2.65, 0.6, 0.45, 440, 2.1, 0.6, 0.65);
        int total = 6000;
        double[] constant = new double[total];
        for (int t = 0; t < total; t++) {
            constant[t] = t < 300 ? 1e-3 * t / 299 : 1e-3;
        }
        int[] steps = java.util.stream.IntStream.iterate(300, s -> s < total, s -> s + 40).toArray();
        LossCurve curve = LossCurve.of("constant", steps, law.predict(constant, steps), constant);
        FitResult fit = Fit.of(LawForm.multiPower()).on(curve).startingFrom(2.65, 0.6, 0.45, 440, 2.1, 0.6, 0.65).run();
        List<String> named = fit.warnings().stream().flatMap(w -> w.parameters().stream()).distinct().toList();
        assertTrue(named.contains("C") || named.contains("beta") || named.contains("gamma"), fit.warnings().toString());
        assertTrue(fit.warnings().stream().allMatch(w -> w.message().contains(w.parameters().get(0))));
    }

    @Test
    void aFitWithAsManyPointsAsParametersIdentifiesNothing() {
        LossCurve curve = LossCurve.of("three", new int[] {10, 20, 30}, new double[] {3, 2.5, 2.3}, new double[31]);
        FitResult fit = Fit.of(LawForm.power()).on(curve).run();
        assertEquals(List.of("E", "A", "alpha"), fit.warnings().get(0).parameters());
    }
}
