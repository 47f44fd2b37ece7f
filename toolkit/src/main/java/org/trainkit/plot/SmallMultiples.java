package org.trainkit.plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Builds {@link ChartGrid small multiples} of line charts: one panel per named series, each drawn
 * in the house colour, optionally over a grey reference series repeated in every panel (the
 * baseline every panel is compared with), on shared axes so panels compare at a glance. Start one
 * with {@link Plot#multiples}:
 * <pre>{@code
 * Plot.multiples("Predicted loss, each schedule against cosine 10x (grey)").columns(4)
 *         .x("step").y("predicted loss")
 *         .reference("cosine 10x", steps, cosineLoss)
 *         .panel("constant", steps, constantLoss)
 *         .panel("WSD 1-sqrt", steps, wsdLoss)
 *         .build();
 * }</pre>
 * With {@link #points()} the panel series are drawn as points (measurements) over the reference.
 */
public final class SmallMultiples {

    private record Panel(String name, double[] x, double[] y) {
    }

    /** Default panel size in pixels at 1x. */
    static final int PANEL_WIDTH = 300;
    static final int PANEL_HEIGHT = 230;
    private static final Color REFERENCE = new Color(0x9A9A9A);

    private final String title;
    private final List<Panel> panels = new ArrayList<>();
    private Panel reference;
    private String xLabel = "";
    private String yLabel = "";
    private int columns = 4;
    private int width = PANEL_WIDTH;
    private int height = PANEL_HEIGHT;
    private boolean logX;
    private boolean logY;
    private boolean points;
    private double[] yRange;

    SmallMultiples(String title) {
        this.title = title == null ? "" : title;
    }

    /** Labels every panel's x axis. */
    public SmallMultiples x(String label) {
        this.xLabel = label;
        return this;
    }

    /** Labels every panel's y axis. */
    public SmallMultiples y(String label) {
        this.yLabel = label;
        return this;
    }

    /** Panels per row (default 4). */
    public SmallMultiples columns(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("small multiples need at least one column, got " + columns);
        }
        this.columns = columns;
        return this;
    }

    /** The size of each panel in pixels at 1x (default 300 x 230). */
    public SmallMultiples panelSize(int width, int height) {
        if (width < 150 || height < 120) {
            throw new IllegalArgumentException("a panel needs at least 150 x 120 pixels, got " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /** Logarithmic x axes. */
    public SmallMultiples logX() {
        this.logX = true;
        return this;
    }

    /** Logarithmic y axes. */
    public SmallMultiples logY() {
        this.logY = true;
        return this;
    }

    /** Fixes the shared y range (by default it spans every panel's data and the reference). */
    public SmallMultiples yRange(double min, double max) {
        if (!(min < max)) {
            throw new IllegalArgumentException("y range needs min < max, got [" + min + ", " + max + "]");
        }
        this.yRange = new double[] {min, max};
        return this;
    }

    /** Draws the panel series as points, for measurements over a reference line. */
    public SmallMultiples points() {
        this.points = true;
        return this;
    }

    /** The grey series drawn in every panel, the baseline each panel is compared with. */
    public SmallMultiples reference(String name, double[] x, double[] y) {
        this.reference = checked(name, x, y);
        return this;
    }

    /** Adds a panel showing one series, titled {@code name}. */
    public SmallMultiples panel(String name, double[] x, double[] y) {
        Panel p = checked(name, x, y);
        if (panels.stream().anyMatch(q -> q.name().equals(name))) {
            throw new IllegalArgumentException("small multiples '" + title + "' already have a panel named '" + name + "'");
        }
        panels.add(p);
        return this;
    }

    private Panel checked(String name, double[] x, double[] y) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a panel series needs a name");
        }
        if (x.length != y.length || x.length == 0) {
            throw new IllegalArgumentException("series '" + name + "': x has " + x.length + " values and y has " + y.length
                    + "; they need the same, non-zero length");
        }
        return new Panel(name, x.clone(), y.clone());
    }

    /** The figure. */
    public ChartGrid build() {
        if (panels.isEmpty()) {
            throw new IllegalStateException("small multiples '" + title + "' have no panels; add one with panel(...)");
        }
        double[] shared = yRange != null ? yRange : sharedYRange();
        List<XYChart> charts = new ArrayList<>();
        for (Panel p : panels) {
            XYPlot plot = (points ? Plot.scatter(p.name()) : Plot.lines(p.name())).x(xLabel).y(yLabel).size(width, height)
                    .yRange(shared[0], shared[1]);
            if (logX) {
                plot.logX();
            }
            if (logY) {
                plot.logY();
            }
            if (reference != null) {
                plot.series(reference.name(), reference.x(), reference.y()).hideFromLegend();
            }
            plot.series(p.name(), p.x(), p.y());
            if (points && reference != null) {
                plot.points();
            }
            XYChart chart = Panels.asPanel(plot.build());
            chart.getStyler().setLegendVisible(false);
            if (reference != null) {
                XYSeries grey = chart.getSeriesMap().get(reference.name());
                grey.setLineColor(REFERENCE);
                grey.setMarkerColor(REFERENCE);
                grey.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                XYSeries own = chart.getSeriesMap().get(p.name());
                own.setLineColor(HouseStyle.color(0));
                own.setMarkerColor(HouseStyle.color(0));
            }
            charts.add(chart);
        }
        return ChartGrid.of(title, columns, charts);
    }

    private double[] sharedYRange() {
        List<double[]> all = new ArrayList<>();
        panels.forEach(p -> all.add(p.y()));
        if (reference != null) {
            all.add(reference.y());
        }
        return Panels.sharedRange(all, false, logY);
    }
}
