package org.trainkit.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trainkit.curves.Law;
import org.trainkit.schedules.Cooldown;
import org.trainkit.schedules.CooldownStart;
import org.trainkit.schedules.Schedules;
import org.trainkit.schedules.Wsd;
import tech.tablesaw.api.Table;

/** The best WSD cooldown fraction under the published 100M multi-power law. */
class CooldownSearchTest {

    private static final Law LAW = PublishedLaw.MPL_100M;
    private static final Wsd TEMPLATE = Schedules.wsd().peak(3e-4).warmup(600).total(6000).decay(0.5)
            .shape(Cooldown.SQRT).build();

    @Test
    void theGridCoversEveryFractionTheWarmupAllowsAndIsTheLawsPrediction() {
        BestCooldown best = CooldownSearch.under(LAW).gridStep(0.05).best(TEMPLATE);
        double[] fractions = best.fractions();
        assertEquals(18, fractions.length);
        assertEquals(0.05, fractions[0], 1e-12);
        assertEquals(0.9, fractions[fractions.length - 1], 1e-12);
        for (int i = 0; i < fractions.length; i++) {
            Wsd wsd = new Wsd(3e-4, 0, 600, 6000, CooldownStart.lastFraction(fractions[i]), Cooldown.SQRT);
            assertEquals(LAW.finalLoss(wsd), best.losses()[i]);
        }
        Table table = best.table();
        assertEquals(List.of("cooldown_fraction", "predicted_loss"), table.columnNames());
        assertEquals(18, table.rowCount());
    }

    @Test
    void theRefinedFractionIsNoWorseThanTheGridAndALocalMinimum() {
        BestCooldown best = CooldownSearch.under(LAW).best(TEMPLATE);
        double gridBest = Arrays.stream(best.losses()).min().orElseThrow();
        assertTrue(best.predictedLoss() <= gridBest);
        assertEquals(LAW.finalLoss(best.schedule()), best.predictedLoss());
        double f = best.fraction();
        for (double d : new double[] {-1e-3, 1e-3}) {
            Wsd near = new Wsd(3e-4, 0, 600, 6000, CooldownStart.lastFraction(f + d), Cooldown.SQRT);
            assertTrue(LAW.finalLoss(near) >= best.predictedLoss(), "fraction " + (f + d));
        }
        assertEquals(f * 6000, best.cooldownSteps(), 1e-9);
        assertEquals(Cooldown.SQRT, best.shape());
        assertTrue(f > 0.01 && f < 0.9, "an interior optimum, got " + f);
    }

    @Test
    void theLargestFractionStartsTheCooldownExactlyWhereTheWarmupEnds() {
        for (int[] wt : new int[][] {{2160, 24000}, {600, 6000}, {7, 13}, {1, 3}}) {
            Wsd template = Schedules.wsd().peak(1e-3).warmup(wt[0]).total(wt[1]).decay(0.1).build();
            double largest = CooldownSearch.largestFraction(template);
            assertTrue(CooldownStart.lastFraction(largest).start(wt[1]) >= wt[0]);
            new Wsd(1e-3, 0, wt[0], wt[1], CooldownStart.lastFraction(largest), Cooldown.LINEAR);
        }
    }

    @Test
    void comparesShapesBestFirst() {
        Table table = CooldownSearch.under(LAW).gridStep(0.02).compareShapes(TEMPLATE, Cooldown.LINEAR, Cooldown.SQRT,
                Cooldown.COSINE);
        assertEquals(List.of("shape", "best_fraction", "cooldown_steps", "predicted_loss"), table.columnNames());
        assertEquals(3, table.rowCount());
        double[] losses = table.doubleColumn("predicted_loss").asDoubleArray();
        assertTrue(losses[0] <= losses[1] && losses[1] <= losses[2]);
        BestCooldown linear = CooldownSearch.under(LAW).gridStep(0.02).best(
                new Wsd(3e-4, 0, 600, 6000, CooldownStart.lastFraction(0.5), Cooldown.LINEAR));
        int row = table.stringColumn("shape").asList().indexOf("linear");
        assertEquals(linear.predictedLoss(), losses[row]);
        assertEquals(linear.fraction(), table.doubleColumn("best_fraction").get(row));
    }

    @Test
    void rejectsImpossibleSettings() {
        assertThrows(IllegalArgumentException.class, () -> CooldownSearch.under(LAW).gridStep(0));
        assertThrows(IllegalArgumentException.class, () -> CooldownSearch.under(LAW).gridStep(0.6));
        Wsd longWarmup = Schedules.wsd().peak(1e-3).warmup(995).total(1000).decay(0.005).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CooldownSearch.under(LAW).best(longWarmup));
        assertTrue(e.getMessage().contains("warmup"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CooldownSearch.under(LAW).compareShapes(TEMPLATE));
    }
}
