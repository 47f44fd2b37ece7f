package org.trainkit.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Several charts drawn side by side as one picture, each at its own size, on a white background:
 * the two panels of a static figure (rate and loss of one schedule), or a row of small multiples.
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
}
