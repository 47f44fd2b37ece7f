package org.trainkit.plot;

import java.util.Arrays;
import org.knowm.xchart.XYChart;
import org.trainkit.curves.CooldownPlan;
import org.trainkit.curves.LossCurve;
import org.trainkit.curves.PredictionBand;

/**
 * The figure of a {@link CooldownPlan}: the run's logged loss, and from the end of the log the
 * predicted loss of every possible option, the recommendation with its 95% bootstrap band (dashed,
 * same colour).
 *
 * <pre>{@code
 * Figures.save(CooldownPlanPlot.of(plan, log), "01-cooldown-plan");
 * }</pre>
 */
public final class CooldownPlanPlot {

    /** Points per predicted curve. */
    private static final int POINTS = 120;

    private CooldownPlanPlot() {
    }

    /** The plan's figure over the log it was made from. */
    public static XYChart of(CooldownPlan plan, LossCurve log) {
        XYPlot plot = Plot.lines("Cooldown plan: " + log.name() + ", " + plan.totalSteps() + " steps")
                .x("step").y("training loss");
        double[] steps = Arrays.stream(log.steps()).asDoubleStream().toArray();
        plot.series("logged", steps, log.losses()).points();
        for (CooldownPlan.Option option : plan.options()) {
            if (!option.possible()) {
                continue;
            }
            PredictionBand band = plan.band(option, POINTS);
            double[] x = Arrays.stream(band.steps()).asDoubleStream().toArray();
            plot.series(option.name(), x, band.loss());
            if (option == plan.recommended()) {
                plot.series(option.name() + " lower 95%", x, band.lower()).dashed().colourOf(option.name())
                        .hideFromLegend();
                plot.series(option.name() + " upper 95%", x, band.upper()).dashed().colourOf(option.name())
                        .hideFromLegend();
            }
        }
        return plot.build();
    }
}
