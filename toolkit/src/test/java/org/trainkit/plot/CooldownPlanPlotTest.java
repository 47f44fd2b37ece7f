package org.trainkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.trainkit.curves.CooldownPlan;
import org.trainkit.curves.CooldownPlanner;
import org.trainkit.curves.LossCurve;
import org.trainkit.curves.MultiPowerLaw;

/** The cooldown plan's figure: the log, one line per possible option, the recommendation's band. */
class CooldownPlanPlotTest {

    @Test
    void drawsTheLogEveryPossibleOptionAndTheRecommendedBand() {
        MultiPowerLaw law = new MultiPowerLaw(2.65, 0.6, 0.45, 440, 1, 0.5, 0.5);
        double[] lr = new double[6000];
        for (int t = 0; t < lr.length; t++) {
            lr[t] = t < 400 ? 3e-4 * t / 399 : 3e-4;
        }
        int[] steps = IntStream.iterate(400, s -> s < 6000, s -> s + 50).toArray();
        double[] loss = law.predict(lr, steps);
        for (int i = 0; i < loss.length; i++) {
            loss[i] *= 1 + 0.001 * Math.sin(3.0 * i);
        }
        LossCurve log = LossCurve.of("run", steps, loss, lr);
        CooldownPlan plan = CooldownPlanner.on(log).total(9000).resamples(5).plan();
        XYChart chart = CooldownPlanPlot.of(plan, log);
        long possible = plan.options().stream().filter(CooldownPlan.Option::possible).count();
        long drawn = chart.getSeriesMap().keySet().stream().filter(name -> !name.isBlank() && !name.equals("\u200b")).count();
        assertEquals(1 + possible + 2, drawn, chart.getSeriesMap().keySet().toString());
        assertTrue(chart.getSeriesMap().containsKey("recommended"));
    }
}
