package org.trainkit.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.trainkit.core.Workspace;

class FiguresTest {

    @TempDir
    Path dir;

    private static XYChart chart(String title) {
        double[] x = new double[200];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 2.3 * Math.pow(i + 1, -0.3);
        }
        return Plot.lines(title).x("step").y("loss").logY().series("loss", x, y).build();
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void saveWritesPngAtTwiceTheSizeSvgAndPdf() throws IOException {
        SavedFigure figure = Figures.save(chart("loss"), "00-test-loss", dir);
        assertEquals(List.of("00-test-loss.pdf", "00-test-loss.png", "00-test-loss.svg"), names());
        BufferedImage png = ImageIO.read(figure.png().toFile());
        assertEquals(2 * HouseStyle.WIDTH, png.getWidth());
        assertEquals(2 * HouseStyle.HEIGHT, png.getHeight());
        String svg = Files.readString(figure.svg(), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"), "an SVG document");
        byte[] pdf = Files.readAllBytes(figure.pdf());
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        assertEquals(HouseStyle.WIDTH, figure.image().getWidth());
        assertEquals(List.of(figure.png(), figure.svg(), figure.pdf()), figure.files());
        assertTrue(figure.toString().contains("00-test-loss.png"));
    }

    @Test
    void saveReplacesEarlierVersionsAndLeavesNoTemporaryFiles() throws IOException {
        Figures.save(chart("first"), "fig", dir);
        byte[] first = Files.readAllBytes(dir.resolve("fig.png"));
        Figures.save(chart("second, with another title"), "fig", dir);
        byte[] second = Files.readAllBytes(dir.resolve("fig.png"));
        assertFalse(Arrays.equals(first, second), "the second title replaced the first figure");
        assertEquals(List.of("fig.pdf", "fig.png", "fig.svg"), names());
    }

    @Test
    void aFailedSaveKeepsTheEarlierFiguresIntactAndCleansUp() throws IOException {
        Figures.save(chart("good"), "fig", dir);
        byte[] png = Files.readAllBytes(dir.resolve("fig.png"));
        byte[] svg = Files.readAllBytes(dir.resolve("fig.svg"));
        byte[] pdf = Files.readAllBytes(dir.resolve("fig.pdf"));
        XYChart failsOnSecondPaint = new XYChart(HouseStyle.WIDTH, HouseStyle.HEIGHT) {
            private int paints;

            @Override
            public void paint(Graphics2D g, int width, int height) {
                if (++paints == 2) {
                    throw new IllegalStateException("renderer broke while writing the SVG");
                }
                super.paint(g, width, height);
            }
        };
        failsOnSecondPaint.addSeries("a", new double[] {1, 2, 3}, new double[] {3, 1, 2});
        assertThrows(IllegalStateException.class, () -> Figures.save(failsOnSecondPaint, "fig", dir));
        assertArrayEquals(png, Files.readAllBytes(dir.resolve("fig.png")), "the PNG was not replaced");
        assertArrayEquals(svg, Files.readAllBytes(dir.resolve("fig.svg")));
        assertArrayEquals(pdf, Files.readAllBytes(dir.resolve("fig.pdf")));
        assertEquals(List.of("fig.pdf", "fig.png", "fig.svg"), names(), "no temporary files left behind");
    }

    @Test
    void badNamesAndUnwritableDirectoriesAreClearErrors() throws IOException {
        for (String bad : new String[] {"", "a/b", "../up", "with space", ".hidden", "x.png/"}) {
            assertThrows(IllegalArgumentException.class, () -> Figures.save(chart("t"), bad, dir), bad);
        }
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");
        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> Figures.save(chart("t"), "fig", file.resolve("sub")));
        assertTrue(error.getMessage().contains("fig"), error.getMessage());
    }

    @Test
    void saveWithoutADirectoryUsesTheWorkspaceFigures() {
        String before = System.getProperty(Workspace.FIGURES);
        System.setProperty(Workspace.FIGURES, dir.resolve("figures").toString());
        try {
            SavedFigure figure = Figures.save(chart("t"), "workspace-fig");
            assertEquals(dir.resolve("figures").resolve("workspace-fig.png"), figure.png());
            assertTrue(Files.isRegularFile(figure.pdf()));
        } finally {
            if (before == null) {
                System.clearProperty(Workspace.FIGURES);
            } else {
                System.setProperty(Workspace.FIGURES, before);
            }
        }
    }

    @Test
    void showRendersAtOneX() {
        BufferedImage image = Figures.show(chart("t"));
        assertEquals(HouseStyle.WIDTH, image.getWidth());
        assertEquals(HouseStyle.HEIGHT, image.getHeight());
    }
}
