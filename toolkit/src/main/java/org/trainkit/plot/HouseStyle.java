package org.trainkit.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * trainkit's look for report figures, applied to XChart charts: white background with a light
 * grid, DejaVu Sans text, the colour-blind-safe palette of Okabe and Ito ("Color Universal
 * Design", 2008) in a fixed order, lines without per-point markers unless a series is short,
 * ticks spaced so labels do not crowd, and the legend outside the plot area on the right (hidden
 * when it would list a single series; the title and axis labels name it).
 */
public final class HouseStyle {

    /** Default figure width in pixels (at 1x). */
    public static final int WIDTH = 800;
    /** Default figure height in pixels (at 1x). */
    public static final int HEIGHT = 500;
    /** Series with at most this many points get point markers; longer ones are plain lines. */
    public static final int MARKER_LIMIT = 30;
    /** The name of the invisible helper series that keeps XChart's ticks regular (see {@link XYPlot}). */
    static final String TICK_GUARD = "\u200B";

    /** The font family of all text. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    /**
     * The Okabe-Ito palette, ordered for lines on white: blue, vermillion, bluish green, reddish
     * purple, orange, sky blue, black, yellow (last: weakest on white).
     */
    private static final Color[] PALETTE = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
    };

    private static final Color GRID = new Color(0xE3E3E3);
    private static final Color AXIS = new Color(0x555555);
    private static final Color TEXT = new Color(0x222222);
    private static final float LINE_WIDTH = 1.6f;

    private HouseStyle() {
    }

    /** The palette colour of the {@code index}-th series (cycling through the palette). */
    public static Color color(int index) {
        return PALETTE[Math.floorMod(index, PALETTE.length)];
    }

    /** The number of distinct palette colours. */
    public static int paletteSize() {
        return PALETTE.length;
    }

    /** Styles an XY chart and its current series; call after all series are added. */
    public static void apply(XYChart chart) {
        styleAxes(chart.getStyler());
        chart.getStyler().setMarkerSize(6);
        long listed = chart.getSeriesMap().values().stream()
                .filter(series -> !series.getName().equals(TICK_GUARD) && series.isShowInLegend()).count();
        chart.getStyler().setLegendVisible(listed > 1);
        int index = 0;
        for (XYSeries series : chart.getSeriesMap().values()) {
            if (series.getName().equals(TICK_GUARD)) {
                continue;
            }
            series.setLineColor(color(index));
            series.setMarkerColor(color(index));
            series.setFillColor(color(index));
            series.setLineWidth(LINE_WIDTH);
            // Solid for every series: XChart's own cycler moves to dash-dot, dashed and dotted lines
            // once the colours have gone round, which would make a ninth series look dashed.
            series.setLineStyle(SeriesLines.SOLID);
            XYSeries.XYSeriesRenderStyle style = series.getXYSeriesRenderStyle() != null
                    ? series.getXYSeriesRenderStyle() : chart.getStyler().getDefaultSeriesRenderStyle();
            boolean scatter = style == XYSeries.XYSeriesRenderStyle.Scatter;
            series.setMarker(scatter || series.getXData().length <= MARKER_LIMIT ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            index++;
        }
    }

    /** Styles a category (bar) chart; call after all series are added. */
    public static void apply(CategoryChart chart) {
        styleAxes(chart.getStyler());
        chart.getStyler().setPlotGridVerticalLinesVisible(false);
        chart.getStyler().setLegendVisible(chart.getSeriesMap().size() > 1);
        chart.getStyler().setAvailableSpaceFill(0.7);
        chart.getStyler().setSeriesColors(PALETTE);
    }

    private static void styleAxes(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setPlotGridLinesVisible(true);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setAxisTickMarksColor(AXIS);
        styler.setAxisTickLabelsColor(TEXT);
        styler.setChartFontColor(TEXT);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(FONT_FAMILY, Font.BOLD, 16));
        styler.setAxisTitleFont(new Font(FONT_FAMILY, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
        styler.setLegendFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
        styler.setAnnotationTextFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
        styler.setBaseFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
        styler.setLegendPosition(LegendPosition.OutsideE);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setLegendBackgroundColor(Color.WHITE);
        styler.setXAxisTickMarkSpacingHint(110);
        styler.setYAxisTickMarkSpacingHint(60);
        styler.setAxisTitlePadding(8);
        styler.setChartPadding(12);
        styler.setPlotContentSize(0.94);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
        styler.setSeriesColors(PALETTE);
    }
}
