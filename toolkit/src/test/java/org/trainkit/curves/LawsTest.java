package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LawsTest {

    static final MultiPowerLaw MPL_100M = GoldenMultiPowerTest.published("100M");

    /** The multi-power law straight from its formula, pair by pair. */
    static double[] exactMultiPower(MultiPowerLaw law, double[] lr, int[] steps) {
        double[] s1 = CurveModel.forwardArea(lr);
        double[] h = ExactLossDrop.evaluate(lr, s1, steps, law.c(), law.beta(), law.gamma())[0];
        double[] loss = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double drops = lr[0] - lr[steps[i]];
            loss[i] = law.l0() + law.a() * Math.pow(s1[steps[i]], -law.alpha()) - law.b() * (drops - h[i]);
        }
        return loss;
    }

    @Test
    void fastMultiPowerLossMatchesTheFormulaToOneInABillion() {
        SplittableRandom random = new SplittableRandom(42);
        double worst = 0;
        for (int trial = 0; trial < 40; trial++) {
            int total = random.nextInt(300, 5000);
            double[] lr = RandomSchedules.next(random, total);
            int[] steps = IntStream.iterate(total / 10, s -> s < total, s -> s + random.nextInt(1, 100)).toArray();
            MultiPowerLaw law = new MultiPowerLaw(random.nextDouble(1, 4), random.nextDouble(0.1, 2),
                    random.nextDouble(0.1, 1), random.nextDouble(1, 1000) * 3e-4 / lr[total / 4 + 1],
                    Math.exp(random.nextDouble(-3, 3)), Math.exp(random.nextDouble(-3, 1.3)), random.nextDouble(0.05, 1.5));
            double[] exact = exactMultiPower(law, lr, steps);
            double[] fast = law.predict(lr, steps);
            for (int i = 0; i < steps.length; i++) {
                worst = Math.max(worst, Math.abs(fast[i] - exact[i]) / Math.abs(exact[i]));
            }
        }
        assertTrue(worst < 1e-9, "worst relative difference " + worst);
    }

    @Test
    void fullCurveAgreesWithQueriesAtChosenStepsAndFinalLoss() {
        double[] lr = PublishedSchedules.of("wsdcon_3").toArray();
        double[] full = MPL_100M.predict(lr);
        int[] some = {1, 2159, 2160, 7999, 8000, 8001, 15999};
        double[] at = MPL_100M.predict(lr, some);
        for (int i = 0; i < some.length; i++) {
            assertEquals(full[some[i]], at[i], 1e-12 * full[some[i]]);
        }
        assertEquals(full[15999], MPL_100M.finalLoss(PublishedSchedules.of("wsdcon_3")), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, full[0]);
        assertArrayEquals(full, MPL_100M.predict(PublishedSchedules.of("wsdcon_3")));
        // the loss drops right after the learning rate does
        assertTrue(full[8100] < full[7999] - 0.02);
    }

    @Test
    void annealingLawMatchesItsRecurrenceWrittenOut() {
        double[] lr = PublishedSchedules.of("wsd_20000_24000").toArray();
        AnnealingLaw law = new AnnealingLaw(2.7, 0.55, 0.5, 0.5, 0.999);
        int[] steps = {100, 5000, 20000, 21000, 23999};
        double[] predicted = law.predict(lr, steps);
        double momentum = 0;
        double s2 = 0;
        double s1 = lr[0];
        int q = 0;
        for (int t = 1; t < lr.length; t++) {
            momentum = 0.999 * momentum + (lr[t - 1] - lr[t]);
            s2 += momentum;
            s1 += lr[t];
            if (q < steps.length && steps[q] == t) {
                assertEquals(2.7 + 0.55 * Math.pow(s1, -0.5) - 0.5 * s2, predicted[q], 1e-12);
                q++;
            }
        }
        assertEquals(steps.length, q);
    }

    @Test
    void powerLawIgnoresTheLearningRate() {
        PowerLaw law = new PowerLaw(2, 3, 0.5);
        assertArrayEquals(new double[] {5, 2 + 3 / Math.sqrt(4)}, law.predict(new double[] {0, 9, 0, 0, 0}, new int[] {1, 4}));
        assertEquals(List.of("E", "A", "alpha"), List.copyOf(law.params().keySet()));
    }

    @Test
    void annealingLawWeakSpotsShowUp() {
        // Appending zero-learning-rate steps lowers the annealing law's prediction (reviewers' point).
        AnnealingLaw law = new AnnealingLaw(2.7, 0.55, 0.5, 0.5, 0.999);
        double[] lr = PublishedSchedules.of("constant_24000").toArray();
        double[] longer = java.util.Arrays.copyOf(lr, lr.length + 1000);
        assertTrue(law.finalLoss(longer) < law.finalLoss(lr));
    }

    @Test
    void predictChecksItsSteps() {
        assertThrows(IllegalArgumentException.class, () -> MPL_100M.predict(new double[10], new int[] {3, 3}));
        assertThrows(IllegalArgumentException.class, () -> MPL_100M.predict(new double[10], new int[] {10}));
    }

    @Test
    void formsBindParametersInOrder() {
        assertEquals(MPL_100M, LawForm.multiPower().law(2.6514477, 0.60115152, 0.45295811, 437.9464276, 2.13245612,
                0.59785199, 0.65523644));
        assertEquals(List.of("L0", "A", "alpha", "C"), LawForm.annealing(0.99).parameterNames());
        assertEquals(0.99, ((AnnealingLaw) LawForm.annealing(0.99).law(1, 2, 3, 4)).lambda());
        assertThrows(IllegalArgumentException.class, () -> LawForm.power().law(1, 2));
        assertThrows(IllegalArgumentException.class, () -> LawForm.annealing(1.0));
    }
}
