package org.trainkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.NumericColumn;

/**
 * Builds a line or scatter {@link XYChart} in trainkit's {@link HouseStyle}. Start one with
 * {@link Plot#lines} or {@link Plot#scatter}; series are drawn in the order they are added, each
 * with the next palette colour.
 *
 * <p>A few modifiers change how the series added last is drawn, so that a law's prediction can sit
 * over the data it models in the same colour without doubling the legend:
 * <pre>{@code
 * Plot.lines("Loss and fitted law").x("step").y("loss")
 *         .series("cosine", steps, loss).points()
 *         .series("cosine, law", steps, predicted).dashed().colourOf("cosine").hideFromLegend()
 *         .build();
 * }</pre>
 */
public final class XYPlot {

    /** How a series is drawn beyond the house defaults. */
    private record Look(boolean dashed, boolean points, String colourOf, boolean inLegend) {
        static final Look PLAIN = new Look(false, false, null, true);
    }

    private record Series(String name, double[] x, double[] y, Look look) {
        Series restyled(Look newLook) {
            return new Series(name, x, y, newLook);
        }
    }

    /** Dash pattern of {@link #dashed()} lines, in pixels at 1x: dash, gap. */
    private static final float[] DASH = {7f, 4f};

    /**
     * Log axes spanning more decades than this label only the powers of ten: XChart labels every
     * {@code m * 10^k} otherwise, and past one decade the labels at m = 6..9 overlap.
     */
    private static final double MAX_DECADES_WITH_MINOR_LABELS = 1;

    private final String title;
    private final boolean scatter;
    private final List<Series> series = new ArrayList<>();
    private String xLabel = "";
    private String yLabel = "";
    private boolean logX;
    private boolean logY;
    private int width = HouseStyle.WIDTH;
    private int height = HouseStyle.HEIGHT;
    private Double xMin;
    private Double xMax;
    private Double yMin;
    private Double yMax;

    XYPlot(String title, boolean scatter) {
        this.title = title == null ? "" : title;
        this.scatter = scatter;
    }

    /** Labels the x axis. */
    public XYPlot x(String label) {
        this.xLabel = label;
        return this;
    }

    /** Labels the y axis. */
    public XYPlot y(String label) {
        this.yLabel = label;
        return this;
    }

    /** Uses a logarithmic x axis (all x values must be positive). */
    public XYPlot logX() {
        this.logX = true;
        return this;
    }

    /** Uses a logarithmic y axis (all y values must be positive). */
    public XYPlot logY() {
        this.logY = true;
        return this;
    }

    /** Sets the size in pixels at 1x (default {@value HouseStyle#WIDTH} x {@value HouseStyle#HEIGHT}). */
    public XYPlot size(int width, int height) {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("chart size must be at least 100 x 100 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** Fixes the x axis range. */
    public XYPlot xRange(double min, double max) {
        checkRange("x", min, max);
        this.xMin = min;
        this.xMax = max;
        return this;
    }

    /** Fixes the y axis range. */
    public XYPlot yRange(double min, double max) {
        checkRange("y", min, max);
        this.yMin = min;
        this.yMax = max;
        return this;
    }

    /** Adds a series of points {@code (x[i], y[i])}; the arrays are copied. A NaN leaves a gap. */
    public XYPlot series(String name, double[] x, double[] y) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a series needs a name");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values but y has " + y.length);
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "' has no points");
        }
        series.add(new Series(name, x.clone(), y.clone(), Look.PLAIN));
        return this;
    }

    /** Draws the series added last as a dashed line (for example a law's prediction). */
    public XYPlot dashed() {
        return restyleLast("dashed()", look -> {
            if (look.points()) {
                throw new IllegalStateException("series '" + last().name() + "' is drawn as points; it cannot also be dashed");
            }
            return new Look(true, false, look.colourOf(), look.inLegend());
        });
    }

    /** Draws the series added last as points without a connecting line (for example measured values). */
    public XYPlot points() {
        return restyleLast("points()", look -> {
            if (look.dashed()) {
                throw new IllegalStateException("series '" + last().name() + "' is dashed; it cannot also be points");
            }
            return new Look(false, true, look.colourOf(), look.inLegend());
        });
    }

    /**
     * Draws the series added last in the colour of the earlier series {@code name} (a prediction in
     * the colour of its data); it then takes no palette colour of its own.
     */
    public XYPlot colourOf(String name) {
        return restyleLast("colourOf(\"" + name + "\")", look -> {
            boolean earlier = series.subList(0, series.size() - 1).stream().anyMatch(s -> s.name().equals(name));
            if (!earlier) {
                throw new IllegalArgumentException("colourOf(\"" + name + "\"): no earlier series has that name");
            }
            return new Look(look.dashed(), look.points(), name, look.inLegend());
        });
    }

    /** Leaves the series added last out of the legend (the title or a paired series names it). */
    public XYPlot hideFromLegend() {
        return restyleLast("hideFromLegend()", look -> new Look(look.dashed(), look.points(), look.colourOf(), false));
    }

    private XYPlot restyleLast(String modifier, UnaryOperator<Look> change) {
        if (series.isEmpty()) {
            throw new IllegalStateException(modifier + " applies to the series added last, but there is none yet");
        }
        series.set(series.size() - 1, last().restyled(change.apply(last().look())));
        return this;
    }

    private Series last() {
        return series.get(series.size() - 1);
    }

    /** Adds a series over the indices {@code 0 .. y.length - 1}. */
    public XYPlot series(String name, double[] y) {
        double[] x = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        return series(name, x, y);
    }

    /** Adds a series from two numeric Tablesaw columns of equal length (e.g. a training log). */
    public XYPlot series(String name, NumericColumn<?> x, NumericColumn<?> y) {
        return series(name, x.asDoubleArray(), y.asDoubleArray());
    }

    /** The chart, styled. */
    public XYChart build() {
        if (series.isEmpty()) {
            throw new IllegalStateException("chart '" + title + "' has no series; add one with series(...)");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setDefaultSeriesRenderStyle(
                scatter ? XYSeries.XYSeriesRenderStyle.Scatter : XYSeries.XYSeriesRenderStyle.Line);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        double[] xSpan = span(true, xMin, xMax);
        double[] ySpan = span(false, yMin, yMax);
        Double[] xAxis = {xMin, xMax};
        Double[] yAxis = {yMin, yMax};
        if (logX) {
            chart.getStyler().setXAxisLogarithmicDecadeOnly(decadeLabels(xSpan, xAxis));
        } else {
            chart.setCustomXAxisTickLabelsFormatter(TickLabels.forRange(xSpan[0], xSpan[1]));
        }
        if (logY) {
            chart.getStyler().setYAxisLogarithmicDecadeOnly(decadeLabels(ySpan, yAxis));
        } else {
            chart.setCustomYAxisTickLabelsFormatter(TickLabels.forRange(ySpan[0], ySpan[1]));
        }
        chart.getStyler().setXAxisMin(xAxis[0]).setXAxisMax(xAxis[1]).setYAxisMin(yAxis[0]).setYAxisMax(yAxis[1]);
        addTickGuard(chart);
        Set<String> names = new LinkedHashSet<>();
        for (Series s : series) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("chart '" + title + "' has two series named '" + s.name() + "'");
            }
            if (logX) {
                requirePositive(s.name(), "x", s.x());
            }
            if (logY) {
                requirePositive(s.name(), "y", s.y());
            }
            XYSeries added = chart.addSeries(s.name(), s.x(), s.y());
            if (s.look().points()) {
                added.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
            added.setShowInLegend(s.look().inLegend());
        }
        HouseStyle.apply(chart);
        applyLooks(chart);
        return chart;
    }

    /**
     * After the house style: palette colours in order over the series that take one, shared colours
     * for {@link #colourOf} series, and dashed strokes (set after the house line width, which
     * XChart then keeps).
     */
    private void applyLooks(XYChart chart) {
        Map<String, Color> colours = new HashMap<>();
        int next = 0;
        for (Series s : series) {
            Color colour = s.look().colourOf() != null ? colours.get(s.look().colourOf()) : HouseStyle.color(next++);
            colours.put(s.name(), colour);
            XYSeries drawn = chart.getSeriesMap().get(s.name());
            drawn.setLineColor(colour);
            drawn.setMarkerColor(colour);
            drawn.setFillColor(colour);
            if (s.look().dashed()) {
                drawn.setLineStyle(new BasicStroke(drawn.getLineWidth(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                        10f, DASH, 0f));
                // XChart draws a plain line segment by segment, restarting the dash pattern at every
                // point, so a dense dashed series would look solid; a smooth series is one path.
                drawn.setSmooth(true);
            }
        }
    }

    /**
     * XChart 3.8.8 places ticks only at data values when all distinct values on an axis look
     * equally spaced, judged with an absolute tolerance of 1e-4: steps 0, 1, 2, ... then get a
     * crowded label at every few points, and small values such as learning rates (1e-3 and
     * below, whose neighbours all differ by less than 1e-4) get a label at almost every point.
     * A first, invisible one-point series at the finite data maximum breaks that pattern, so XChart falls
     * back to its regular "nice number" ticks spaced by the styler's tick spacing hints. The point
     * lies inside the data range, so it changes neither the axis ranges nor anything drawn.
     */
    private void addTickGuard(XYChart chart) {
        double xTop = Double.NEGATIVE_INFINITY;
        double yTop = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.x()) {
                xTop = Double.isFinite(v) ? Math.max(xTop, v) : xTop;
            }
            for (double v : s.y()) {
                yTop = Double.isFinite(v) ? Math.max(yTop, v) : yTop;
            }
        }
        if (!Double.isFinite(xTop) || !Double.isFinite(yTop)) {
            return;
        }
        XYSeries guard = chart.addSeries(HouseStyle.TICK_GUARD, new double[] {xTop}, new double[] {yTop});
        guard.setMarker(SeriesMarkers.NONE);
        guard.setShowInLegend(false);
        guard.setLineColor(new Color(0, 0, 0, 0));
    }

    /** The data range on one axis, widened to a fixed range if one is set. */
    private double[] span(boolean xAxis, Double fixedMin, Double fixedMax) {
        double min = fixedMin != null ? fixedMin : Double.POSITIVE_INFINITY;
        double max = fixedMax != null ? fixedMax : Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : xAxis ? s.x() : s.y()) {
                if (Double.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        return new double[] {min, max};
    }

    /**
     * Whether a log axis over {@code span} is labelled at powers of ten only; if so and its range is
     * not fixed, {@code axis} (min, max) is widened to whole decades so that at least two are labelled.
     */
    private static boolean decadeLabels(double[] span, Double[] axis) {
        if (decades(span) <= MAX_DECADES_WITH_MINOR_LABELS) {
            return false;
        }
        if (axis[0] == null && axis[1] == null && span[0] > 0 && Double.isFinite(span[1])) {
            axis[0] = Math.pow(10, Math.floor(Math.log10(span[0]) + 1e-9));
            axis[1] = Math.pow(10, Math.ceil(Math.log10(span[1]) - 1e-9));
        }
        return true;
    }

    private static double decades(double[] span) {
        return span[0] > 0 ? Math.log10(span[1] / span[0]) : Double.POSITIVE_INFINITY;
    }

    /** Values on a log axis must be positive; NaN is allowed and drawn as a gap. */
    private static void requirePositive(String name, String axis, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && !(values[i] > 0 && values[i] < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("series '" + name + "': " + axis + "[" + i + "] = " + values[i]
                        + " cannot be shown on a logarithmic " + axis + " axis (must be > 0)");
            }
        }
    }

    private static void checkRange(String axis, double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException(axis + " range needs min < max, got [" + min + ", " + max + "]");
        }
    }
}
