package org.trainkit.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.trainkit.curves.Law;
import org.trainkit.curves.LossCurve;

/**
 * Small multiples for loss-curve laws (the power, annealing and multi-power laws of
 * {@code org.trainkit.curves}): one panel per measured curve, so that no curve hides under another
 * (a train run under the longer test run that repeats it, for instance). Each panel shows the
 * measured points and each law's prediction, every law in its own colour and in the same colour in
 * every panel (a small legend in the upper right of the first panel, where a falling loss curve
 * leaves room); panels share their y range. Curves named in {@code train} are titled "(train)", the
 * others "(test)".
 *
 * <pre>{@code
 * Figures.save(LawPanels.of("100M: fits and predictions").train(trainNames).law("MPL", mpl)
 *         .curves(all).fits(), "01-fit-100M");
 * Figures.save(LawPanels.of("100M test curves: relative error").law("MPL", mpl).law("annealing", annealing)
 *         .curves(test).residuals(), "01-residuals-100M");
 * }</pre>
 */
public final class LawPanels {

    /** Measured points drawn per panel at most (every point still enters fits and errors). */
    static final int MARKERS = 60;

    private final String title;
    private final Map<String, Law> laws = new LinkedHashMap<>();
    private final List<LossCurve> curves = new ArrayList<>();
    private Set<String> train = Set.of();
    private int columns = 3;

    private LawPanels(String title) {
        this.title = Objects.requireNonNull(title, "title");
    }

    /** Starts a figure with this title. */
    public static LawPanels of(String title) {
        return new LawPanels(title);
    }

    /** Adds a law, drawn as a line in its own colour in every panel. */
    public LawPanels law(String name, Law law) {
        if (laws.containsKey(name)) {
            throw new IllegalArgumentException("law panels '" + title + "' already have a law named '" + name + "'");
        }
        laws.put(name, Objects.requireNonNull(law, "law"));
        return this;
    }

    /** The measured curves, one panel each, in this order. */
    public LawPanels curves(List<LossCurve> list) {
        curves.addAll(list);
        return this;
    }

    /** The names of the curves the laws were fitted to (titled "(train)"; the others "(test)"). */
    public LawPanels train(java.util.Collection<String> names) {
        this.train = Set.copyOf(names);
        return this;
    }

    /** Panels per row (default 3). */
    public LawPanels columns(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("law panels need at least one column, got " + count);
        }
        this.columns = count;
        return this;
    }

    /** Measured points (thinned to at most {@value #MARKERS}) and each law's prediction at every logged step. */
    public ChartGrid fits() {
        check();
        double[] range = sharedRange(false);
        List<XYChart> panels = new ArrayList<>();
        for (LossCurve curve : curves) {
            XYPlot plot = panel(curve).y("training loss").yRange(range[0], range[1]);
            int[] shown = thinned(curve.size());
            double[] steps = steps(curve);
            plot.series("measured", pick(steps, shown), pick(curve.losses(), shown)).points();
            laws.forEach((name, law) -> plot.series(name, steps, law.predict(curve)));
            panels.add(styled(plot.build(), panels.isEmpty()));
        }
        return ChartGrid.of(title, columns, panels);
    }

    /** Each law's relative error {@code (predicted - measured) / measured} in percent; the shared range includes 0. */
    public ChartGrid residuals() {
        check();
        double[] range = sharedRange(true);
        List<XYChart> panels = new ArrayList<>();
        for (LossCurve curve : curves) {
            XYPlot plot = panel(curve).y("error, %").yRange(range[0], range[1]);
            double[] steps = steps(curve);
            laws.forEach((name, law) -> plot.series(name, steps, percentError(law, curve)));
            panels.add(styled(plot.build(), panels.isEmpty()));
        }
        return ChartGrid.of(title, columns, panels);
    }

    /** A small legend inside the first panel only (the colours are the same in every panel), titles as in small multiples. */
    private static XYChart styled(XYChart chart, boolean first) {
        chart.getStyler().setLegendVisible(first);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setLegendFont(chart.getStyler().getLegendFont().deriveFont(11f));
        chart.getStyler().setLegendPadding(4);
        return Panels.asPanel(chart);
    }

    private XYPlot panel(LossCurve curve) {
        String role = train.contains(curve.name()) ? " (train)" : " (test)";
        return Plot.lines(curve.name() + role).x("step").size(SmallMultiples.PANEL_WIDTH, SmallMultiples.PANEL_HEIGHT);
    }

    private void check() {
        if (curves.isEmpty()) {
            throw new IllegalStateException("law panels '" + title + "' have no curves; add them with curves(...)");
        }
        if (laws.isEmpty()) {
            throw new IllegalStateException("law panels '" + title + "' have no law; add one with law(name, law)");
        }
    }

    private double[] sharedRange(boolean residuals) {
        List<double[]> series = new ArrayList<>();
        for (LossCurve curve : curves) {
            if (!residuals) {
                series.add(curve.losses());
            }
            for (Law law : laws.values()) {
                series.add(residuals ? percentError(law, curve) : law.predict(curve));
            }
        }
        return Panels.sharedRange(series, residuals, false);
    }

    private static double[] percentError(Law law, LossCurve curve) {
        double[] predicted = law.predict(curve);
        double[] measured = curve.losses();
        double[] error = new double[predicted.length];
        for (int i = 0; i < error.length; i++) {
            error[i] = 100 * (predicted[i] - measured[i]) / measured[i];
        }
        return error;
    }

    private static double[] steps(LossCurve curve) {
        return Arrays.stream(curve.steps()).asDoubleStream().toArray();
    }

    /** Evenly spaced indices, at most {@link #MARKERS} of them, the last point always included. */
    static int[] thinned(int size) {
        if (size <= MARKERS) {
            return IntStream.range(0, size).toArray();
        }
        return IntStream.range(0, MARKERS).map(i -> (int) Math.round(i * (size - 1.0) / (MARKERS - 1))).toArray();
    }

    private static double[] pick(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }
}
