package org.trainkit.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Small multiples: charts of one size laid out in rows of {@code columns}, left to right and top to
 * bottom, under one title, as a single figure. Each panel shows one series (or one group), so a
 * figure compares many schedules or curves without a dozen lines on one axis (Tufte, "The Visual
 * Display of Quantitative Information", 1983, ch. 8). Made by {@link SmallMultiples} or
 * {@link #of}; shown inline as {@link #image()} and exported with {@link Figures#save(ChartGrid, String)}.
 *
 * @param title the figure's title, drawn above the panels (may be empty)
 * @param columns panels per row
 * @param panels the charts, all of the same size
 */
public record ChartGrid(String title, int columns, List<Chart<?, ?>> panels) {

    /** Height in pixels (at 1x) of the title band, when there is a title. */
    static final int TITLE_HEIGHT = 34;

    /** Checks the layout and copies the panel list. */
    public ChartGrid {
        title = title == null ? "" : title;
        if (panels == null || panels.isEmpty()) {
            throw new IllegalArgumentException("a grid of charts needs at least one panel");
        }
        if (columns < 1) {
            throw new IllegalArgumentException("a grid of charts needs at least one column, got " + columns);
        }
        panels = List.copyOf(panels);
        Chart<?, ?> first = panels.get(0);
        for (Chart<?, ?> panel : panels) {
            if (panel.getWidth() != first.getWidth() || panel.getHeight() != first.getHeight()) {
                throw new IllegalArgumentException("every panel of '" + title + "' must have the size of the first ("
                        + first.getWidth() + " x " + first.getHeight() + "), got " + panel.getWidth() + " x " + panel.getHeight());
            }
        }
    }

    /** A grid of these charts, {@code columns} per row. */
    public static ChartGrid of(String title, int columns, List<? extends Chart<?, ?>> panels) {
        return new ChartGrid(title, columns, List.copyOf(panels));
    }

    /** The number of rows of panels. */
    public int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    /** The figure's width in pixels at 1x. */
    public int width() {
        return Math.min(columns, panels.size()) * panels.get(0).getWidth();
    }

    /** The figure's height in pixels at 1x. */
    public int height() {
        return (title.isEmpty() ? 0 : TITLE_HEIGHT) + rows() * panels.get(0).getHeight();
    }

    /** The figure at 1x, for showing inline. */
    public BufferedImage image() {
        return image(1);
    }

    /** The figure at {@code scale} times its pixel size. */
    BufferedImage image(double scale) {
        BufferedImage image = new BufferedImage((int) Math.ceil(width() * scale), (int) Math.ceil(height() * scale),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(scale, scale);
            paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Paints the whole figure at 1x onto {@code g} (a bitmap or a vector graphics context). */
    void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        int top = 0;
        if (!title.isEmpty()) {
            g.setFont(new Font(HouseStyle.FONT_FAMILY, Font.BOLD, 16));
            g.setColor(new Color(0x222222));
            FontMetrics metrics = g.getFontMetrics();
            g.drawString(title, Math.max(8, (width() - metrics.stringWidth(title)) / 2), 8 + metrics.getAscent());
            top = TITLE_HEIGHT;
        }
        int w = panels.get(0).getWidth();
        int h = panels.get(0).getHeight();
        for (int i = 0; i < panels.size(); i++) {
            AffineTransform saved = g.getTransform();
            g.translate((i % columns) * w, top + (i / columns) * h);
            g.setClip(0, 0, w, h);
            panels.get(i).paint(g, w, h);
            g.setClip(null);
            g.setTransform(saved);
        }
    }
}
