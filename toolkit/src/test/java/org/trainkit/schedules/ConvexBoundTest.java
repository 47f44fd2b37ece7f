package org.trainkit.schedules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The convex-theory bound of Schaipp et al. (arXiv 2501.18965). */
class ConvexBoundTest {

    @Test
    void theLinearTimeEvaluationAgreesWithTheDirectFormula() {
        SplittableRandom random = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(60);
            double[] eta = random.doubles(n, 0, 1e-2).toArray();
            eta[n - 1] = 1e-3 + eta[n - 1];
            if (random.nextBoolean()) {
                eta[0] = 0;
            }
            double[] g = random.doubles(n, 0.1, 3).toArray();
            double d = random.nextDouble(0.1, 5);
            ConvexBound bound = new ConvexBound(d, 1.7);
            assertEquals(DirectConvexBound.of(eta, g, d), bound.of(eta, g), 1e-12 * DirectConvexBound.of(eta, g, d));
            double[] constant = new double[n];
            Arrays.fill(constant, 1.7);
            assertEquals(DirectConvexBound.of(eta, constant, d), bound.of(eta), 1e-12 * DirectConvexBound.of(eta, constant, d));
        }
    }

    @Test
    void aConstantScheduleHasTheHarmonicClosedForm() {
        int n = 1000;
        double eta = 0.01;
        double harmonic = 0;
        for (int k = 1; k < n; k++) {
            harmonic += 1.0 / k;
        }
        double expected = 1 / (2 * n * eta) + eta / 2 + eta / 2 * harmonic;
        assertEquals(expected, ConvexBound.UNIT.of(Schedules.constant(eta, 0, n)), 1e-13);
    }

    @Test
    void cooldownsBeatTheConstantScheduleAtTheSameBudget() {
        ConvexBound bound = ConvexBound.UNIT;
        double constant = bound.of(Schedules.constant(0.05, 0, 1000));
        double wsd = bound.of(Schedules.wsd().peak(0.05).total(1000).decay(0.2).build());
        double d2z = bound.of(Schedules.d2z(0.05, 0, 1000));
        assertTrue(wsd < constant, wsd + " < " + constant);
        assertTrue(d2z < constant, d2z + " < " + constant);
    }

    @Test
    void trailingZeroRatesAreDroppedAndBadInputIsRejected() {
        double[] eta = {0.1, 0.2, 0.1};
        assertEquals(ConvexBound.UNIT.of(eta), ConvexBound.UNIT.of(new double[] {0.1, 0.2, 0.1, 0, 0}));
        Refined refined = Schedules.refined(new double[] {1, 1, 1, 1}, 0.1, 1);
        assertEquals(0, refined.lr(3));
        assertTrue(Double.isFinite(ConvexBound.UNIT.of(refined)));
        assertThrows(IllegalArgumentException.class, () -> ConvexBound.UNIT.of(new double[] {0, 0}));
        assertThrows(IllegalArgumentException.class, () -> ConvexBound.UNIT.of(new double[] {0.1, -0.1}));
        assertThrows(IllegalArgumentException.class, () -> ConvexBound.UNIT.of(new double[] {0.1}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> new ConvexBound(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new ConvexBound(1, Double.NaN));
    }

    @Test
    void tunedForPutsTheBoundsOptimumAtTheReferencesOwnRates() {
        Schedule cosine = Schedules.cosine(3e-4, 3e-5, 216, 2400);
        ConvexBound tuned = ConvexBound.tunedFor(cosine);
        assertEquals(1, tuned.g());
        double atOne = tuned.of(cosine);
        for (double a : new double[] {0.5, 0.9, 0.99, 1.01, 1.1, 2}) {
            double[] scaled = Arrays.stream(cosine.toArray()).map(r -> a * r).toArray();
            assertTrue(tuned.of(scaled) > atOne, "scale " + a);
        }
        double[] lr = cosine.toArray();
        double area = Arrays.stream(lr).sum();
        double noise = ConvexBound.UNIT.of(lr) - 1 / (2 * area);
        assertEquals(Math.sqrt(2 * area * noise), tuned.d(), 1e-9 * tuned.d());
    }

    @Test
    void tunedForMeasuredNormsPutsTheOptimumAtTheReferencesRatesWithThoseNorms() {
        Schedule cosine = Schedules.cosine(0.1, 0.01, 20, 400);
        SplittableRandom random = new SplittableRandom(3);
        double[] norms = random.doubles(400, 0.5, 4).toArray();
        ConvexBound tuned = ConvexBound.tunedFor(cosine, norms);
        double atOne = tuned.of(cosine, norms);
        assertEquals(DirectConvexBound.of(cosine.toArray(), norms, tuned.d()), atOne, 1e-12 * atOne);
        for (double a : new double[] {0.5, 0.9, 0.99, 1.01, 1.1, 2}) {
            double[] scaled = Arrays.stream(cosine.toArray()).map(r -> a * r).toArray();
            assertTrue(tuned.of(scaled, norms) > atOne, "scale " + a);
        }
        double[] ones = new double[400];
        Arrays.fill(ones, 1);
        assertEquals(ConvexBound.tunedFor(cosine).d(), ConvexBound.tunedFor(cosine, ones).d(), 1e-15);
        double[] doubled = Arrays.stream(norms).map(g -> 2 * g).toArray();
        assertEquals(2 * tuned.d(), ConvexBound.tunedFor(cosine, doubled).d(), 1e-12 * tuned.d());
        assertThrows(IllegalArgumentException.class, () -> ConvexBound.tunedFor(cosine, new double[399]));
    }

    @Test
    void withUnitConstantsAndSmallRatesTheBoundOnlyRewardsArea() {
        Schedule constant = Schedules.constant(3e-4, 216, 2400);
        Schedule d2z = Schedules.d2z(3e-4, 216, 2400);
        assertTrue(ConvexBound.UNIT.of(constant) < ConvexBound.UNIT.of(d2z));
        ConvexBound tuned = ConvexBound.tunedFor(Schedules.cosine(3e-4, 3e-5, 216, 2400));
        assertTrue(tuned.of(d2z) < tuned.of(constant));
    }
}
