package org.trainkit.curves;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChinchillaFitTest {

    /** Runs on a grid of 6 model sizes x 6 token counts, losses from {@code law} times lognormal noise. */
    static List<ScalingPoint> runs(ChinchillaLaw law, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ScalingPoint> points = new ArrayList<>();
        for (double n = 4e7; n < 2e10; n *= 3.2) {
            for (double tokensPerParameter = 2; tokensPerParameter < 800; tokensPerParameter *= 3.3) {
                double d = n * tokensPerParameter;
                double factor = Math.exp(noise * (random.nextDouble() * 2 - 1));
                points.add(new ScalingPoint(n, d, law.loss(n, d) * factor));
            }
        }
        return points;
    }

    @Test
    void recoversTheReplicationEstimateFromItsOwnPredictions() {
        ChinchillaLaw truth = ChinchillaLaw.REPLICATION;
        ChinchillaFit.Result fit = ChinchillaFit.on(runs(truth, 0, 1)).run();
        ChinchillaLaw got = fit.law();
        assertEquals(truth.e(), got.e(), 1e-4 * truth.e());
        assertEquals(truth.a(), got.a(), 1e-3 * truth.a());
        assertEquals(truth.b(), got.b(), 1e-3 * truth.b());
        assertEquals(truth.alpha(), got.alpha(), 1e-4);
        assertEquals(truth.beta(), got.beta(), 1e-4);
    }

    @Test
    void noisyRunsGiveExponentsNearTheTruth() {
        ChinchillaLaw got = ChinchillaFit.on(runs(ChinchillaLaw.REPLICATION, 2e-3, 2)).run().law();
        assertEquals(0.348, got.alpha(), 0.03);
        assertEquals(0.366, got.beta(), 0.03);
        assertEquals(1.817, got.e(), 0.05);
    }

    @Test
    void tooFewRunsIsBadData() {
        List<ScalingPoint> few = runs(ChinchillaLaw.REPLICATION, 0, 1).subList(0, 4);
        assertEquals(FitException.Reason.BAD_DATA,
                assertThrows(FitException.class, () -> ChinchillaFit.on(few).run()).reason());
    }
}
