package org.trainkit.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainkit.core.Estimate;
import org.trainkit.core.Stats;
import org.trainkit.curves.Law;
import org.trainkit.schedules.ConvexBound;
import org.trainkit.schedules.ScheduleSet;
import tech.tablesaw.api.Table;

/** Predicted final losses and curves under the published 100M multi-power law, with the convex bound beside. */
class PredictedLossesTest {

    private static final Law LAW = PublishedLaw.MPL_100M;
    private static final ScheduleSet SET = ScheduleSet.of()
            .with("cosine", "cosine(peak=3e-4, final=3e-5, warmup=2160, total=24000)")
            .with("constant", "constant(peak=3e-4, warmup=2160, total=24000)")
            .with("wsd", "wsd(peak=3e-4, final=3e-5, warmup=2160, total=24000, decay_start=20000, shape=exp)")
            .with("d2z", "linear(peak=3e-4, final=0, warmup=2160, total=24000)");
    private static final ConvexBound BOUND = ConvexBound.tunedFor(SET.get("cosine"));

    @Test
    void tabulatesTheLawsFinalLossesBestFirstWithTheBoundBeside() {
        PredictedLosses predicted = PredictedLosses.of(LAW, SET, BOUND);
        Table table = predicted.table();
        assertEquals(List.of("name", "predicted_loss", "rank", "convex_bound", "convex_rank"),
                table.columnNames());
        assertEquals(4, table.rowCount());
        assertEquals(List.of(1, 2, 3, 4), table.intColumn("rank").asList());
        double[] losses = table.doubleColumn("predicted_loss").asDoubleArray();
        for (int r = 0; r < 4; r++) {
            String name = table.stringColumn("name").get(r);
            assertEquals(LAW.finalLoss(SET.get(name)), losses[r]);
            assertEquals(BOUND.of(SET.get(name)), table.doubleColumn("convex_bound").get(r));
            if (r > 0) {
                assertTrue(losses[r] >= losses[r - 1]);
            }
        }
        List<Integer> convexRanks = table.intColumn("convex_rank").asList();
        for (int r = 0; r < 4; r++) {
            for (int s = 0; s < 4; s++) {
                double br = table.doubleColumn("convex_bound").get(r);
                double bs = table.doubleColumn("convex_bound").get(s);
                assertEquals(br < bs, convexRanks.get(r) < convexRanks.get(s), "rows " + r + ", " + s);
            }
        }
    }

    @Test
    void theBoundsAgreementWithTheLawIsTheRankCorrelationOfTheirColumns() {
        PredictedLosses predicted = PredictedLosses.of(LAW, SET, BOUND);
        Table table = predicted.table();
        Estimate agreement = predicted.boundAgreement(500, 3);
        assertEquals(Stats.spearman(table.doubleColumn("predicted_loss").asDoubleArray(),
                table.doubleColumn("convex_bound").asDoubleArray()), agreement.value(), 1e-12);
        assertTrue(agreement.lower() <= agreement.value() && agreement.value() <= agreement.upper());
        assertEquals(agreement, predicted.boundAgreement(500, 3));
    }

    @Test
    void theLawOrdersWsdAheadOfCosineAheadOfConstantAsTheMeasuredCurvesDo() {
        PredictedLosses predicted = PredictedLosses.of(LAW, SET, BOUND);
        assertTrue(predicted.finalLoss("wsd") < predicted.finalLoss("cosine"));
        assertTrue(predicted.finalLoss("cosine") < predicted.finalLoss("constant"));
        // the last logged rows of the 100M data: wsd_20000_24000 step 23904 loss 2.9514, cosine_24000 23920
        // 2.9791, constant_24000 23936 3.0354; the published fit's worst error on a test curve is 0.6%
        assertEquals(2.9514, at("wsd", 23904), 0.006 * 2.9514);
        assertEquals(2.9791, at("cosine", 23920), 0.006 * 2.9791);
        assertEquals(3.0354, at("constant", 23936), 0.006 * 3.0354);
    }

    private static double at(String name, int step) {
        return LAW.predict(SET.get(name).toArray(), new int[] {step})[0];
    }

    @Test
    void curvesAreTheLawsPerStepPredictionAtEvenlySpacedSteps() {
        PredictedLosses predicted = PredictedLosses.of(LAW, SET, BOUND);
        PredictedCurve curve = predicted.curve("d2z", 2160, 101);
        int[] steps = curve.steps();
        assertEquals(101, steps.length);
        assertEquals(2160, steps[0]);
        assertEquals(23999, steps[100]);
        double[] all = LAW.predict(SET.get("d2z"));
        double[] rates = SET.get("d2z").toArray();
        for (int i = 0; i < steps.length; i++) {
            assertEquals(all[steps[i]], curve.losses()[i], 1e-9);
            assertEquals(rates[steps[i]], curve.lr()[i]);
        }
        assertEquals(predicted.finalLoss("d2z"), curve.finalLoss(), 1e-9);
        assertEquals(List.of("cosine", "constant", "wsd", "d2z"),
                predicted.curves(1, 20).stream().map(PredictedCurve::name).toList());
        assertEquals(2160.0, curve.x()[0]);
    }

    @Test
    void evenStepsAreStrictlyIncreasingAndKeepBothEnds() {
        assertArrayEquals(new int[] {3, 4, 5, 6}, PredictedCurve.evenSteps(3, 6, 10));
        assertArrayEquals(new int[] {0, 50, 100}, PredictedCurve.evenSteps(0, 100, 3));
        assertThrows(IllegalArgumentException.class, () -> PredictedCurve.evenSteps(7, 6, 10));
        assertThrows(IllegalArgumentException.class, () -> PredictedCurve.evenSteps(0, 6, 1));
    }

    @Test
    void needsTwoSchedulesAndKnownNames() {
        ScheduleSet one = ScheduleSet.of().with("c", "constant(peak=3e-4, warmup=10, total=100)");
        assertThrows(IllegalArgumentException.class, () -> PredictedLosses.of(LAW, one, BOUND));
        PredictedLosses predicted = PredictedLosses.of(LAW, SET, BOUND);
        assertThrows(IllegalArgumentException.class, () -> predicted.finalLoss("nope"));
        assertThrows(IllegalArgumentException.class, () -> predicted.curve("nope", 1, 10));
    }
}
