package org.trainkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.trainkit.core.Estimate;

/**
 * Builds a dot plot with intervals (a "forest plot"): one row per estimate, its point and its
 * confidence interval on a common horizontal axis, rows top to bottom in the order added, and an
 * optional vertical reference line such as 0 for "no difference". It replaces bars on a cut axis,
 * whose lengths mislead, for means and paired differences over seeds. Start one with
 * {@link Plot#dots}:
 * <pre>{@code
 * Plot.dots("Test loss, schedule minus cosine (95% interval over 5 seeds)")
 *         .x("paired difference in test loss").reference(0)
 *         .row("WSD 1-sqrt", wsdMinusCosine)
 *         .row("D2Z", d2zMinusCosine)
 *         .build();
 * }</pre>
 * Every row is drawn in one colour (they are one kind of number); the reference line is grey.
 */
public final class DotPlot {

    private record Row(String name, double value, double lower, double upper) {
    }

    /** Height in pixels (at 1x) of one row and of the title, axis and margins around the rows. */
    static final int ROW_HEIGHT = 30;
    static final int FRAME_HEIGHT = 130;
    private static final Color REFERENCE = new Color(0x888888);
    private static final float[] DASH = {6f, 4f};

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private String xLabel = "";
    private int width = HouseStyle.WIDTH;
    private Integer height;
    private Double reference;

    DotPlot(String title) {
        this.title = title == null ? "" : title;
    }

    /** Labels the horizontal axis (what the estimates are). */
    public DotPlot x(String label) {
        this.xLabel = label;
        return this;
    }

    /** Sets the size in pixels at 1x; the default height grows with the number of rows. */
    public DotPlot size(int width, int height) {
        if (width < 200 || height < 150) {
            throw new IllegalArgumentException("a dot plot needs at least 200 x 150 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** Draws a vertical reference line at {@code x}, for example 0 for "no difference". */
    public DotPlot reference(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("the reference line needs a finite x, got " + x);
        }
        this.reference = x;
        return this;
    }

    /** Adds a row: the estimate's value and its interval. */
    public DotPlot row(String name, Estimate estimate) {
        return row(name, estimate.value(), estimate.lower(), estimate.upper());
    }

    /** Adds a row: a value and its interval {@code [lower, upper]}, which must contain it. */
    public DotPlot row(String name, double value, double lower, double upper) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a dot plot row needs a name");
        }
        if (rows.stream().anyMatch(r -> r.name().equals(name))) {
            throw new IllegalArgumentException("dot plot '" + title + "' already has a row named '" + name + "'");
        }
        if (!(Double.isFinite(value) && Double.isFinite(lower) && Double.isFinite(upper) && lower <= value && value <= upper)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "row '%s': needs finite lower <= value <= upper, got %s in [%s, %s]", name, value, lower, upper));
        }
        rows.add(new Row(name, value, lower, upper));
        return this;
    }

    /** The chart, styled. */
    public XYChart build() {
        if (rows.isEmpty()) {
            throw new IllegalStateException("dot plot '" + title + "' has no rows; add one with row(...)");
        }
        int n = rows.size();
        XYChart chart = new XYChartBuilder().width(width).height(height != null ? height : FRAME_HEIGHT + ROW_HEIGHT * n)
                .title(title).xAxisTitle(xLabel).yAxisTitle("").build();
        double min = rows.stream().mapToDouble(Row::lower).min().orElseThrow();
        double max = rows.stream().mapToDouble(Row::upper).max().orElseThrow();
        if (reference != null) {
            min = Math.min(min, reference);
            max = Math.max(max, reference);
        }
        double pad = max > min ? 0.06 * (max - min) : Math.max(1e-12, Math.abs(max) * 0.1);
        chart.getStyler().setXAxisMin(min - pad).setXAxisMax(max + pad);
        chart.getStyler().setYAxisMin(-0.6).setYAxisMax(n - 0.4);
        chart.setCustomXAxisTickLabelsFormatter(TickLabels.forRange(min - pad, max + pad));
        // Row i sits at y = n - 1 - i, so the first row added is on top. XChart spaces its ticks by
        // "nice" steps no wider than the spacing hint; a hint below the row pitch makes the step a
        // whole row or a fraction of one, so there is a tick at every row, which the formatter names
        // (other ticks get distinct invisible labels). The invisible point at y = 0.5 keeps evenly spaced rows from
        // switching XChart to ticks at the data values (see XYPlot's tick guard).
        chart.setCustomYAxisTickLabelsFormatter(y -> {
            long index = Math.round(n - 1 - y);
            if (Math.abs(y - Math.rint(y)) < 1e-9 && index >= 0 && index < n) {
                return rows.get((int) index).name();
            }
            // XChart widens the tick step until all labels differ, so blank labels must differ too.
            return "\u200B".repeat(1 + (int) Math.round((y + 1) * 8));
        });
        chart.getStyler().setYAxisTickMarkSpacingHint(ROW_HEIGHT / 3);
        XYSeries guard = chart.addSeries(HouseStyle.TICK_GUARD, new double[] {rows.get(0).value()}, new double[] {0.5});
        guard.setMarker(SeriesMarkers.NONE);
        if (reference != null) {
            XYSeries line = chart.addSeries("reference", new double[] {reference, reference}, new double[] {-1, n});
            line.setMarker(SeriesMarkers.NONE);
        }
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            double y = n - 1 - i;
            XYSeries interval = chart.addSeries(r.name(), new double[] {r.lower(), r.upper()}, new double[] {y, y});
            interval.setMarker(SeriesMarkers.NONE);
        }
        XYSeries points = chart.addSeries("\u200Bestimates", rows.stream().mapToDouble(Row::value).toArray(),
                java.util.stream.IntStream.range(0, n).mapToDouble(i -> n - 1 - i).toArray());
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        HouseStyle.apply(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setPlotGridHorizontalLinesVisible(false);
        chart.getStyler().setYAxisTickMarkSpacingHint(ROW_HEIGHT / 3);
        for (XYSeries s : chart.getSeriesMap().values()) {
            if (s == guard) {
                s.setLineColor(new Color(0, 0, 0, 0));
                s.setMarkerColor(new Color(0, 0, 0, 0));
                s.setShowInLegend(false);
                continue;
            }
            boolean isReference = reference != null && s.getName().equals("reference");
            Color colour = isReference ? REFERENCE : HouseStyle.color(0);
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            s.setLineWidth(isReference ? 1.2f : 2.2f);
            s.setShowInLegend(false);
            if (isReference) {
                s.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, DASH, 0f));
            }
            if (s == points) {
                s.setMarker(SeriesMarkers.CIRCLE);
            } else {
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        chart.getStyler().setMarkerSize(8);
        return chart;
    }
}
