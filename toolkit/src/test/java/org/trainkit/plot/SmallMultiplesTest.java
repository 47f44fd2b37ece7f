package org.trainkit.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

class SmallMultiplesTest {

    @TempDir
    Path dir;

    private static final double[] X = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31};

    private static double[] line(double offset) {
        double[] y = new double[X.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = 3 - 0.02 * i + offset;
        }
        return y;
    }

    private static ChartGrid grid(int panels) {
        SmallMultiples m = Plot.multiples("losses").columns(3).x("step").y("loss").reference("cosine", X, line(0));
        for (int k = 0; k < panels; k++) {
            m.panel("schedule " + k, X, line(0.1 * k));
        }
        return m.build();
    }

    @Test
    void onePanelPerSeriesInRowsWithSharedYAndAGreyReference() {
        ChartGrid grid = grid(5);
        assertEquals(5, grid.panels().size());
        assertEquals(2, grid.rows());
        assertEquals(3 * SmallMultiples.PANEL_WIDTH, grid.width());
        assertEquals(ChartGrid.TITLE_HEIGHT + 2 * SmallMultiples.PANEL_HEIGHT, grid.height());
        XYChart first = (XYChart) grid.panels().get(0);
        XYChart last = (XYChart) grid.panels().get(4);
        assertEquals(first.getStyler().getYAxisMin(), last.getStyler().getYAxisMin());
        assertEquals(first.getStyler().getYAxisMax(), last.getStyler().getYAxisMax());
        assertTrue(last.getStyler().getYAxisMax() >= 3 + 0.4, "the shared range covers every panel");
        assertEquals(HouseStyle.color(0), last.getSeriesMap().get("schedule 4").getLineColor());
        assertNotEquals(HouseStyle.color(0), last.getSeriesMap().get("cosine").getLineColor());
        assertEquals("schedule 4", last.getTitle());
    }

    @Test
    void savesOneFigureAsPngAtTwiceTheSizeSvgAndPdf() throws IOException {
        ChartGrid grid = grid(4);
        SavedFigure figure = Figures.save(grid, "02-test-grid", dir);
        BufferedImage png = ImageIO.read(figure.png().toFile());
        assertEquals(2 * grid.width(), png.getWidth());
        assertEquals(2 * grid.height(), png.getHeight());
        assertTrue(Files.readString(figure.svg(), StandardCharsets.UTF_8).contains("<svg"));
        assertEquals("%PDF-", new String(Files.readAllBytes(figure.pdf()), 0, 5, StandardCharsets.US_ASCII));
        assertEquals(grid.width(), figure.image().getWidth());
        // The panels are drawn: the figure is not blank in the second row.
        BufferedImage image = grid.image();
        int y = ChartGrid.TITLE_HEIGHT + SmallMultiples.PANEL_HEIGHT + SmallMultiples.PANEL_HEIGHT / 2;
        boolean inked = false;
        for (int x = 0; x < SmallMultiples.PANEL_WIDTH && !inked; x++) {
            inked = image.getRGB(x, y) != 0xFFFFFFFF;
        }
        assertTrue(inked, "the fourth panel is drawn in the second row");
    }

    @Test
    void sharedRangeSpansEverySeriesKeepsZeroForErrorsAndLeavesLogAxesUnpadded() {
        double[] r = Panels.sharedRange(List.of(new double[] {1, 2}, new double[] {3, Double.NaN}), false, false);
        assertEquals(1 - 0.08, r[0], 1e-12);
        assertEquals(3 + 0.08, r[1], 1e-12);
        double[] errors = Panels.sharedRange(List.of(new double[] {0.5, 1.5}), true, false);
        assertTrue(errors[0] < 0 && errors[1] > 1.5);
        double[] log = Panels.sharedRange(List.of(new double[] {-1, 0, 0.1, 10}), false, true);
        assertEquals(0.1, log[0]);
        assertEquals(10, log[1]);
        double[] flat = Panels.sharedRange(List.of(new double[] {2, 2}), false, false);
        assertTrue(flat[0] < 2 && flat[1] > 2);
    }

    @Test
    void badInputIsNamed() {
        assertThrows(IllegalStateException.class, () -> Plot.multiples("none").build());
        SmallMultiples m = Plot.multiples("t").panel("a", X, line(0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.panel("a", X, line(0))).getMessage().contains("'a'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> m.panel("b", X, new double[3])).getMessage().contains("'b'"));
        assertThrows(IllegalArgumentException.class, () -> m.columns(0));
        XYChart small = Plot.lines("s").size(300, 200).series("a", X, line(0)).build();
        XYChart big = Plot.lines("b").series("a", X, line(0)).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ChartGrid.of("mixed", 2, List.of(small, big)))
                .getMessage().contains("size of the first"));
    }
}
