package org.trainkit.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trainkit.core.Stats;
import org.trainkit.data.TrainValidation;

/** The learning-rate range test: an exponential ramp, the smoothed loss, its lowest point. */
class RangeTestTest {

    private static final TrainValidation SPLIT = Synthetic.images("synthetic", 200, 3).split(0.2, 1);

    @TempDir
    Path dir;

    @Test
    void theRatesRampExponentiallyAndTheBestIsTheLowestSmoothedLoss() {
        RangeTest.RangeTestResult r = RangeTest.on(SPLIT, t -> t.model(Models.mlp(8)).optimizer(Optimizers.sgd())
                .batchSize(16).logCsv(dir.resolve("range.csv"))).rates(1e-3, 10).steps(30).seed(4).run();
        double[] rates = r.rates();
        assertEquals(30, rates.length);
        assertEquals(1e-3, rates[0], 1e-15);
        assertEquals(10, rates[29], 1e-12);
        for (int t = 1; t < 30; t++) {
            assertEquals(Math.pow(1e4, 1 / 29.0), rates[t] / rates[t - 1], 1e-9);
        }
        assertArrayEquals(Stats.ema(r.losses(), RangeTest.SMOOTHING), r.smoothed());
        for (double s : r.smoothed()) {
            assertTrue(!Double.isFinite(s) || r.smoothed()[r.bestStep()] <= s);
        }
        double best = r.bestRate();
        assertEquals(Double.parseDouble(String.format("%.0e", best)), r.roundedRate(), 1e-12 * best);
    }

    @Test
    void aNonFiniteSmoothedLossIsNeverTheBestAndBadSettingsAreRejected() {
        RangeTest.RangeTestResult r = new RangeTest.RangeTestResult(new double[] {0.1, 1, 10},
                new double[] {2, 1, Double.NaN}, new double[] {2, 1.5, Double.NaN});
        assertEquals(1, r.bestStep());
        RangeTest.RangeTestResult none = new RangeTest.RangeTestResult(new double[] {0.1}, new double[] {Double.NaN},
                new double[] {Double.NaN});
        assertThrows(IllegalStateException.class, none::bestStep);
        RangeTest test = RangeTest.on(SPLIT, t -> t);
        assertThrows(IllegalArgumentException.class, () -> test.rates(1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> test.rates(0, 1));
        assertThrows(IllegalArgumentException.class, () -> test.steps(1));
    }
}
