package org.trainkit.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Several charts drawn side by side as one picture, each at its own size, on a white background:
 * the two panels of a static figure (rate and loss of one schedule), or a row of small multiples.
 * Also the two things every builder of small multiples ({@link SmallMultiples}, {@link LawPanels})
 * shares: the y range common to all panels and the look of a panel's title.
 */
public final class Panels {

    private Panels() {
    }

    /** The charts left to right, top-aligned, in one image as tall as the tallest. */
    public static BufferedImage row(List<? extends Chart<?, ?>> charts) {
        if (charts.isEmpty()) {
            throw new IllegalArgumentException("a row of panels needs at least one chart");
        }
        int width = charts.stream().mapToInt(Chart::getWidth).sum();
        int height = charts.stream().mapToInt(Chart::getHeight).max().orElseThrow();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = 0;
            for (Chart<?, ?> chart : charts) {
                g.drawImage(BitmapEncoder.getBufferedImage(chart), x, 0, null);
                x += chart.getWidth();
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Point size of a panel's title (smaller than a whole figure's). */
    private static final float PANEL_TITLE_SIZE = 13f;
    /** Share of the data span added above and below a shared range. */
    private static final double PAD = 0.04;

    /**
     * The y range shared by the panels of small multiples: the finite values of every series
     * ({@code positiveOnly}: the positive ones, for a log axis, which is not padded), widened by 4%
     * of the span on either side; {@code includeZero} keeps 0 inside (for errors around 0). With a
     * single value the range is that value plus or minus a tenth of it (or 1 at 0).
     */
    static double[] sharedRange(List<double[]> series, boolean includeZero, boolean positiveOnly) {
        double min = includeZero ? 0 : Double.POSITIVE_INFINITY;
        double max = includeZero ? 0 : Double.NEGATIVE_INFINITY;
        for (double[] values : series) {
            for (double v : values) {
                if (Double.isFinite(v) && (!positiveOnly || v > 0)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!(min < max)) {
            double pad = Double.isFinite(min) && min != 0 ? Math.abs(min) * 0.1 : 1;
            return Double.isFinite(min) ? new double[] {min - pad, max + pad} : new double[] {0, 1};
        }
        if (positiveOnly) {
            return new double[] {min, max};
        }
        double pad = PAD * (max - min);
        return new double[] {min - pad, max + pad};
    }

    /** Styles a chart as one panel of small multiples (a smaller title; the figure's title names the whole). */
    static XYChart asPanel(XYChart chart) {
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(PANEL_TITLE_SIZE));
        return chart;
    }
}
